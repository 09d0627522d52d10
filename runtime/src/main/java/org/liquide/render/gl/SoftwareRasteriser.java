package org.liquide.render.gl;

import java.util.Locale;

import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.glGetString;

/** Whether the current context draws on the CPU (Mesa's llvmpipe or softpipe, SwiftShader), where some GPU habits cost instead of save. */
public final class SoftwareRasteriser {
    private SoftwareRasteriser() {
    }

    /** True when the context current on this thread rasterises in software. */
    public static boolean isCurrent() {
        String renderer = String.valueOf(glGetString(GL_RENDERER)).toLowerCase(Locale.ROOT);
        return renderer.contains("llvmpipe") || renderer.contains("softpipe") || renderer.contains("swiftshader");
    }
}
