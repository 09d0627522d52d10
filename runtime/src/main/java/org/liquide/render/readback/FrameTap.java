package org.liquide.render.readback;

import org.liquide.frame.FrameSlot;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.render.gl.Framebuffer;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL15C.*;
import static org.lwjgl.opengl.GL21C.GL_PIXEL_PACK_BUFFER;
import static org.lwjgl.opengl.GL30C.*;
import static org.lwjgl.opengl.GL32C.*;

/**
 * Takes copies of composited frames off the GPU without stalling the render thread: at its own rate it
 * scales the frame into a small framebuffer, starts an asynchronous read into a pixel buffer object
 * with a fence, and on a later frame, once the fence has passed, copies the pixels into a latest-wins
 * slot for another thread (preview encoder, journal, recorder). Nothing is allocated per frame.
 * Frames in the slot are RGBA, bottom row first as GL reads them.
 */
public final class FrameTap implements AutoCloseable {
    private final int width;
    private final int height;
    private final long intervalNanos;
    private final Framebuffer scaled;
    private final int[] buffers = new int[2];
    private final long[] fences = new long[2];
    private final long[] captureNanos = new long[2];
    private final FrameSlot slot;
    private int nextBuffer;
    private long nextCaptureNanos = Long.MIN_VALUE;
    private long sequence;

    /** @param framesPerSecond how often to take a frame (0: every frame) */
    public FrameTap(int width, int height, double framesPerSecond) {
        this(width, height, framesPerSecond, new FrameSlot());
    }

    /** A tap publishing into a slot its consumer created beforehand (GL objects are made here, on the render thread). */
    public FrameTap(int width, int height, double framesPerSecond, FrameSlot slot) {
        this.slot = slot;
        this.width = width;
        this.height = height;
        this.intervalNanos = framesPerSecond > 0 ? (long) (1e9 / framesPerSecond) : 0L;
        this.scaled = new Framebuffer(width, height);
        long bytes = (long) width * height * 4;
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = glGenBuffers();
            glBindBuffer(GL_PIXEL_PACK_BUFFER, buffers[i]);
            glBufferData(GL_PIXEL_PACK_BUFFER, bytes, GL_STREAM_READ);
        }
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    }

    /** True when this frame would be taken (its interval has passed), so callers can skip preparing it. */
    public boolean due(long nowNanos) {
        return intervalNanos == 0 || nowNanos >= nextCaptureNanos;
    }

    /**
     * Hands over the reads the GPU has finished, without taking a new one: for frames where this tap takes
     * nothing but an earlier read may be ready. Render thread.
     */
    public void collect() {
        collectFinishedReads();
    }

    /** Called by the render thread after compositing each frame. */
    public void frame(Framebuffer source, long nowNanos) {
        frame(source, nowNanos, false);
    }

    /** As {@link #frame(Framebuffer, long)}; {@code now} takes this frame whatever the interval (a snapshot asked for). */
    public void frame(Framebuffer source, long nowNanos, boolean now) {
        collectFinishedReads();
        if (!now && intervalNanos > 0 && nowNanos < nextCaptureNanos) {
            return;
        }
        nextCaptureNanos = nextCaptureNanos == Long.MIN_VALUE || nowNanos - nextCaptureNanos > intervalNanos
                ? nowNanos + intervalNanos : nextCaptureNanos + intervalNanos;
        int index = nextBuffer;
        if (fences[index] != 0L) {
            return;
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, source.id());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, scaled.id());
        glBlitFramebuffer(0, 0, source.width(), source.height(), 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, scaled.id());
        glBindBuffer(GL_PIXEL_PACK_BUFFER, buffers[index]);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, 0L);
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        fences[index] = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
        captureNanos[index] = nowNanos;
        nextBuffer = (nextBuffer + 1) % buffers.length;
    }

    private void collectFinishedReads() {
        for (int i = 0; i < buffers.length; i++) {
            long fence = fences[i];
            if (fence == 0L) {
                continue;
            }
            int state = glClientWaitSync(fence, 0, 0L);
            if (state != GL_ALREADY_SIGNALED && state != GL_CONDITION_SATISFIED) {
                continue;
            }
            glDeleteSync(fence);
            fences[i] = 0L;
            long bytes = (long) width * height * 4;
            glBindBuffer(GL_PIXEL_PACK_BUFFER, buffers[i]);
            long mapped = nglMapBufferRange(GL_PIXEL_PACK_BUFFER, 0L, bytes, GL_MAP_READ_BIT);
            if (mapped != MemoryUtil.NULL) {
                VideoFrame frame = slot.writable();
                ByteBuffer target = frame.reshape(width, height, width * 4, PixelFormat.RGBA32);
                MemoryUtil.memCopy(mapped, MemoryUtil.memAddress(target), bytes);
                frame.setCaptureNanos(captureNanos[i]);
                frame.setSequence(++sequence);
                slot.publish();
            }
            glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
            glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        }
    }

    /** Where the copies arrive (one consumer thread). */
    public FrameSlot slot() {
        return slot;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public void close() {
        for (int i = 0; i < buffers.length; i++) {
            if (fences[i] != 0L) {
                glDeleteSync(fences[i]);
            }
        }
        glDeleteBuffers(buffers);
        scaled.close();
    }
}
