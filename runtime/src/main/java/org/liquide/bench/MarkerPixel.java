package org.liquide.bench;

import org.liquide.render.gl.Framebuffer;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glReadPixels;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;

/**
 * The centre of the latency scene's marker ({@link CompositeScene#MARKER_SIZE}, bottom left), read back from a
 * composited frame on the render thread. Reading waits for the GPU: the time after {@link #read} is when the
 * frame was really drawn. No allocation per read.
 */
final class MarkerPixel {
    private final int x;
    private final int y;
    private final ByteBuffer pixel = MemoryUtil.memAlloc(4);

    MarkerPixel(BenchConfig.Size size) {
        this.x = (int) (size.width() * CompositeScene.MARKER_SIZE / 2);
        this.y = size.height() - 1 - (int) (size.height() * CompositeScene.MARKER_SIZE / 2);
    }

    /** Reads the pixel of {@code frame}; returns {@link System#nanoTime} once it is read. */
    long read(Framebuffer frame) {
        glBindFramebuffer(GL_FRAMEBUFFER, frame.id());
        glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return System.nanoTime();
    }

    /** Whether the last pixel read is white (the marker on) rather than black. */
    boolean white() {
        return (pixel.get(0) & 0xFF) > 127;
    }

    void free() {
        MemoryUtil.memFree(pixel);
    }
}
