package org.liquide.frame;

/**
 * How pixels lie in a frame's memory. Frames keep the layout their source produced: the compositor
 * swizzles in the shader, never on the CPU.
 */
public enum PixelFormat {
    RGB24(3, false, false),
    BGR24(3, true, false),
    RGBA32(4, false, true),
    BGRA32(4, true, true),
    GRAY8(1, false, false);

    private final int bytesPerPixel;
    private final boolean blueFirst;
    private final boolean hasAlpha;

    PixelFormat(int bytesPerPixel, boolean blueFirst, boolean hasAlpha) {
        this.bytesPerPixel = bytesPerPixel;
        this.blueFirst = blueFirst;
        this.hasAlpha = hasAlpha;
    }

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
}
