package org.liquide.frame;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

/**
 * One image in native memory, top row first, reused from frame to frame: producers write into a frame
 * they got from a {@link FrameSlot}, consumers read the one they took. The buffer grows only when a
 * larger image arrives, so a steady stream allocates nothing.
 */
public final class VideoFrame {
    private ByteBuffer pixels;
    private int width;
    private int height;
    private int strideBytes;
    private PixelFormat format = PixelFormat.RGB24;
    private long captureNanos;
    private long sequence;

    /** Makes room for an image of this shape; existing bytes are not kept when the buffer grows. */
    public ByteBuffer reshape(int width, int height, int strideBytes, PixelFormat format) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (strideBytes < width * format.bytesPerPixel()) {
            throw new IllegalArgumentException("stride " + strideBytes + " is shorter than a row of " + width + " "
                    + format + " pixels");
        }
        int needed = strideBytes * height;
        if (pixels == null || pixels.capacity() < needed) {
            if (pixels != null) {
                MemoryUtil.memFree(pixels);
            }
            pixels = MemoryUtil.memAlloc(needed);
        }
        pixels.clear().limit(needed);
        this.width = width;
        this.height = height;
        this.strideBytes = strideBytes;
        this.format = format;
        return pixels;
    }

    /** The pixel bytes, position 0, limit = stride × height. */
    public ByteBuffer pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int strideBytes() {
        return strideBytes;
    }

    public PixelFormat format() {
        return format;
    }

    /** {@link System#nanoTime()} when the source delivered the image (camera) or the input was taken (generator). */
    public long captureNanos() {
        return captureNanos;
    }

    public void setCaptureNanos(long captureNanos) {
        this.captureNanos = captureNanos;
    }

    /** Increases by one for each frame a source produces. */
    public long sequence() {
        return sequence;
    }

    public void setSequence(long sequence) {
        this.sequence = sequence;
    }

    public boolean isEmpty() {
        return pixels == null;
    }

    /** Copies another frame's pixels and timing into this one, keeping its stride. */
    public void copyFrom(VideoFrame other) {
        ByteBuffer target = reshape(other.width, other.height, other.strideBytes, other.format);
        MemoryUtil.memCopy(MemoryUtil.memAddress(other.pixels), MemoryUtil.memAddress(target),
                (long) other.strideBytes * other.height);
        this.captureNanos = other.captureNanos;
        this.sequence = other.sequence;
    }

    /** Frees the native memory; the frame can be reshaped again afterwards. */
    public void free() {
        if (pixels != null) {
            MemoryUtil.memFree(pixels);
            pixels = null;
        }
    }
}
