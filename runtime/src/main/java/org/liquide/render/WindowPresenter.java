package org.liquide.render;

import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.GlContext;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL30C.*;

/** Copies the composited frame into a window, letterboxed to keep its aspect ratio. */
final class WindowPresenter {
    private final GlContext context;

    WindowPresenter(GlContext context) {
        this.context = context;
    }

    void present(Framebuffer frame) {
        int windowWidth = context.surfaceWidth();
        int windowHeight = context.surfaceHeight();
        if (windowWidth > 0 && windowHeight > 0) {
            float scale = Math.min((float) windowWidth / frame.width(), (float) windowHeight / frame.height());
            int width = Math.round(frame.width() * scale);
            int height = Math.round(frame.height() * scale);
            int x = (windowWidth - width) / 2;
            int y = (windowHeight - height) / 2;
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            glViewport(0, 0, windowWidth, windowHeight);
            glClearColor(0f, 0f, 0f, 1f);
            glClear(GL_COLOR_BUFFER_BIT);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, frame.id());
            glBlitFramebuffer(0, 0, frame.width(), frame.height(), x, y, x + width, y + height,
                    GL_COLOR_BUFFER_BIT, GL_LINEAR);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        }
        context.present();
    }
}
