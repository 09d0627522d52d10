package org.liquide.frame;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

/**
 * One image in native memory, top row first, reused from frame to frame: producers write into a frame
 * they got from a {@link FrameSlot}, consumers read the one they took. The buffer grows only when a
 * larger image arrives, so a steady stream allocates nothing. A YUV frame keeps its planes one after
 * another in the one buffer, each at its offset with its stride, and says how its numbers mean colours
 * ({@link #encoding()}).
 */
public final class VideoFrame {
    private ByteBuffer pixels;
    private int width;
    private int height;
    private PixelFormat format = PixelFormat.RGB24;
    private final int[] planeOffsets = new int[3];
    private final int[] planeStrides = new int[3];
    private ColorEncoding encoding = ColorEncoding.BT601_LIMITED;
    private long captureNanos;
    private long sequence;

    /** Makes room for a one-plane image of this shape; existing bytes are not kept when the buffer grows. */
    public ByteBuffer reshape(int width, int height, int strideBytes, PixelFormat format) {
        if (format.planeCount() != 1) {
            throw new IllegalArgumentException(format + " has " + format.planeCount() + " planes: give each its stride");
        }
        return reshapePlanes(width, height, format, strideBytes, 0, 0);
    }

    /**
     * Makes room for an image whose planes have these strides (unused planes' strides are ignored), laid
     * one after another; existing bytes are not kept when the buffer grows.
     */
    public ByteBuffer reshapePlanes(int width, int height, PixelFormat format, int stride0, int stride1, int stride2) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        int needed = 0;
        for (int plane = 0; plane < format.planeCount(); plane++) {
            int stride = plane == 0 ? stride0 : plane == 1 ? stride1 : stride2;
            int row = format.planeRowBytes(plane, width);
            if (stride < row) {
                throw new IllegalArgumentException("stride " + stride + " of plane " + plane + " is shorter than a row of "
                        + width + " " + format + " pixels (" + row + " bytes)");
            }
            planeOffsets[plane] = needed;
            planeStrides[plane] = stride;
            needed += stride * format.planeHeight(plane, height);
        }
        if (pixels == null || pixels.capacity() < needed) {
            if (pixels != null) {
                MemoryUtil.memFree(pixels);
            }
            pixels = MemoryUtil.memAlloc(needed);
        }
        pixels.clear().limit(needed);
        this.width = width;
        this.height = height;
        this.format = format;
        return pixels;
    }

    /** The pixel bytes, position 0, limit = the end of the last plane. */
    public ByteBuffer pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes from one row to the next (of the first plane). */
    public int strideBytes() {
        return planeStrides[0];
    }

    public PixelFormat format() {
        return format;
    }

    /** Where the plane starts in {@link #pixels()}; plane 0 starts at 0. */
    public int planeOffset(int plane) {
        return planeOffsets[plane];
    }

    /** Bytes from one row of the plane to the next; {@link #strideBytes()} for plane 0. */
    public int planeStride(int plane) {
        return planeStrides[plane];
    }

    /** How a YUV frame's values mean colours; meaningless for RGB formats. */
    public ColorEncoding encoding() {
        return encoding;
    }

    public void setEncoding(ColorEncoding encoding) {
        this.encoding = encoding;
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

    /** Copies another frame's pixels, plane layout, colour encoding and timing into this one, keeping its strides. */
    public void copyFrom(VideoFrame other) {
        ByteBuffer target = reshapePlanes(other.width, other.height, other.format,
                other.planeStrides[0], other.planeStrides[1], other.planeStrides[2]);
        MemoryUtil.memCopy(MemoryUtil.memAddress(other.pixels), MemoryUtil.memAddress(target), other.pixels.limit());
        this.encoding = other.encoding;
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
