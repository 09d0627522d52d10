package org.liquide.frame;

/**
 * How pixels lie in a frame's memory. Frames keep the layout their source produced: the compositor
 * swizzles and converts YUV to RGB in the shader, never on the CPU. Packed formats have one plane; the
 * YUV formats have the planes their decoder gives (luma first), each a grid of bytes with its own stride.
 */
public enum PixelFormat {
    RGB24(3, false, false, Chroma.NONE),
    BGR24(3, true, false, Chroma.NONE),
    RGBA32(4, false, true, Chroma.NONE),
    BGRA32(4, true, true, Chroma.NONE),
    GRAY8(1, false, false, Chroma.NONE),
    /** Planar Y, U, V; chroma at half width and half height (FFmpeg's yuv420p and yuvj420p). */
    I420(1, false, false, Chroma.PLANAR_420),
    /** Y, then U and V interleaved at half width and half height (FFmpeg's nv12). */
    NV12(1, false, false, Chroma.INTERLEAVED_420),
    /** Planar Y, U, V; chroma at half width, full height (FFmpeg's yuv422p and yuvj422p: MJPEG cameras). */
    YUV422P(1, false, false, Chroma.PLANAR_422),
    /** Packed Y0 U Y1 V, two pixels in four bytes (FFmpeg's yuyv422: V4L2 YUYV cameras). */
    YUYV422(2, false, false, Chroma.PACKED_422);

    private enum Chroma { NONE, PLANAR_420, INTERLEAVED_420, PLANAR_422, PACKED_422 }

    private final int bytesPerPixel;
    private final boolean blueFirst;
    private final boolean hasAlpha;
    private final Chroma chroma;

    PixelFormat(int bytesPerPixel, boolean blueFirst, boolean hasAlpha, Chroma chroma) {
        this.bytesPerPixel = bytesPerPixel;
        this.blueFirst = blueFirst;
        this.hasAlpha = hasAlpha;
        this.chroma = chroma;
    }

    /** Bytes per pixel in the first plane (the luma plane of a YUV format). */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** True for BGR orders: the shader swaps red and blue. */
    public boolean blueFirst() {
        return blueFirst;
    }

    public boolean hasAlpha() {
        return hasAlpha;
    }

    /** True for the YUV layouts: the colours need a {@link ColorEncoding} to become RGB. */
    public boolean isYuv() {
        return chroma != Chroma.NONE;
    }

    /** 1 for packed formats (YUYV included), 2 for NV12, 3 for planar YUV. */
    public int planeCount() {
        return switch (chroma) {
            case NONE, PACKED_422 -> 1;
            case INTERLEAVED_420 -> 2;
            case PLANAR_420, PLANAR_422 -> 3;
        };
    }

    /** Bytes in one row of the plane, unpadded, for an image this wide. */
    public int planeRowBytes(int plane, int width) {
        checkPlane(plane);
        int half = (width + 1) / 2;
        if (plane == 0) {
            return chroma == Chroma.PACKED_422 ? 4 * half : width * bytesPerPixel;
        }
        return chroma == Chroma.INTERLEAVED_420 ? 2 * half : half;
    }

    /** Rows in the plane for an image this high. */
    public int planeHeight(int plane, int height) {
        checkPlane(plane);
        return plane > 0 && (chroma == Chroma.PLANAR_420 || chroma == Chroma.INTERLEAVED_420) ? (height + 1) / 2 : height;
    }

    /** Texels in one row of the plane's texture: the packed YUYV pairs are one RGBA texel each. */
    public int planeTexelWidth(int plane, int width) {
        checkPlane(plane);
        int half = (width + 1) / 2;
        if (plane == 0) {
            return chroma == Chroma.PACKED_422 ? half : width;
        }
        return half;
    }

    /** Bytes per texel of the plane's texture (1: R8, 2: RG8 for NV12's chroma, 3 or 4: colour, 4: YUYV pairs). */
    public int planeTexelBytes(int plane) {
        checkPlane(plane);
        if (plane == 0) {
            return chroma == Chroma.PACKED_422 ? 4 : bytesPerPixel;
        }
        return chroma == Chroma.INTERLEAVED_420 ? 2 : 1;
    }

    private void checkPlane(int plane) {
        if (plane < 0 || plane >= planeCount()) {
            throw new IllegalArgumentException(this + " has no plane " + plane);
        }
    }
}
