package org.liquide.render.shader;

import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.Texture2D;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL30C.*;

/**
 * The buffer a pass renders into, as a pair of framebuffers: passes read the current image while the
 * next one is drawn into the other, then they swap, so a pass can read its own target (a persistent
 * buffer's previous frame) without a feedback loop. FLOAT buffers are GL_RGBA16F, others GL_RGBA8.
 * Storage is reallocated only when the size changes; a persistent buffer keeps its image, scaled.
 */
final class TargetBuffer implements AutoCloseable {
    final String name;
    final boolean persistent;
    final boolean floating;
    private Framebuffer read;
    private Framebuffer write;

    TargetBuffer(String name, boolean persistent, boolean floating) {
        this.name = name;
        this.persistent = persistent;
        this.floating = floating;
    }

    /** Makes both framebuffers this size; new storage starts transparent black (or scaled, if persistent). */
    void ensureSize(int width, int height) {
        if (read != null && read.width() == width && read.height() == height) {
            return;
        }
        int format = floating ? GL_RGBA16F : GL_RGBA8;
        Framebuffer newRead = new Framebuffer(width, height, format);
        Framebuffer newWrite = new Framebuffer(width, height, format);
        clear(newRead);
        clear(newWrite);
        if (read != null) {
            if (persistent) {
                glBindFramebuffer(GL_READ_FRAMEBUFFER, read.id());
                glBindFramebuffer(GL_DRAW_FRAMEBUFFER, newRead.id());
                glBlitFramebuffer(0, 0, read.width(), read.height(), 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
            }
            read.close();
            write.close();
        }
        read = newRead;
        write = newWrite;
    }

    boolean allocated() {
        return read != null;
    }

    int width() {
        return read == null ? 0 : read.width();
    }

    int height() {
        return read == null ? 0 : read.height();
    }

    Texture2D readTexture() {
        return read.color();
    }

    Framebuffer readFramebuffer() {
        return read;
    }

    void clearRead() {
        clear(read);
    }

    /** Binds the framebuffer the next pass draws into; with {@code clear} it starts transparent black. */
    void bindWrite(boolean clear) {
        write.bindForDrawing();
        if (clear) {
            glClearColor(0f, 0f, 0f, 0f);
            glClear(GL_COLOR_BUFFER_BIT);
        }
    }

    /** Copies the current image into the one being drawn (for vertex shaders that do not cover it all). */
    void copyReadToWrite() {
        read.copyInto(write);
        write.bindForDrawing();
    }

    /** Makes what was just drawn the current image. */
    void swap() {
        Framebuffer drawn = write;
        write = read;
        read = drawn;
    }

    private static void clear(Framebuffer framebuffer) {
        framebuffer.bindForDrawing();
        glClearColor(0f, 0f, 0f, 0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }

    @Override
    public void close() {
        if (read != null) {
            read.close();
            write.close();
            read = null;
            write = null;
        }
    }
}
