package org.liquide.render;

import org.liquide.render.gl.EglOffscreenContext;
import org.liquide.render.gl.GlContext;
import org.liquide.render.gl.GlException;
import org.liquide.render.gl.GlfwWindowContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the output: a window when a display exists (unless headless is forced), offscreen otherwise. */
final class OutputContexts {
    private static final Logger LOG = LoggerFactory.getLogger(OutputContexts.class);

    private OutputContexts() {
    }

    static GlContext open(OutputSettings settings) {
        if (settings.forceHeadless()) {
            return offscreen("headless forced (--headless)");
        }
        if (!GlfwWindowContext.displayAvailable()) {
            return offscreen("no display found");
        }
        try {
            var first = settings.displays().isEmpty() ? null : settings.displays().getFirst();
            GlContext window = GlfwWindowContext.create(first == null
                    ? new GlfwWindowContext.WindowSpec("Liquide", settings.width(), settings.height(), settings.fullscreen(), settings.monitor())
                    : new GlfwWindowContext.WindowSpec("Liquide " + first.name(), first.width(), first.height(), first.fullscreen(), first.monitor()));
            LOG.info("output: {}", window.description());
            return window;
        } catch (GlException e) {
            org.lwjgl.glfw.GLFW.glfwTerminate();
            return offscreen("a window could not be opened (" + e.getMessage() + ")");
        }
    }

    private static GlContext offscreen(String why) {
        GlContext context = EglOffscreenContext.create();
        LOG.info("output: {}: {}", why, context.description());
        return context;
    }
}
