package org.liquide.render.gl;

import org.lwjgl.egl.EGL10;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.FunctionProvider;

/**
 * Loads OpenGL entry points through {@code eglGetProcAddress}. Both kinds of output use EGL contexts
 * (GLFW is asked for an EGL context too), so one loader serves windows and offscreen rendering alike,
 * without going through GLX.
 */
final class GlFunctions {
    private static boolean loaded;

    private GlFunctions() {
    }

    static synchronized void loadOnce() {
        if (loaded) {
            return;
        }
        Configuration.OPENGL_EXPLICIT_INIT.set(true);
        FunctionProvider eglProcAddress = EGL10::eglGetProcAddress;
        GL.create(eglProcAddress);
        loaded = true;
    }
}
