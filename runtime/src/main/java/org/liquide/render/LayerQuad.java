package org.liquide.render;

/**
 * Where a layer's image lands on the output: the rectangle of its region that the fitted image covers, and
 * the image coordinates at two opposite corners. The compositor draws that rectangle alone, with the image
 * coordinates interpolated across it, so a fragment never computes or tests where it is (no bounds test, no
 * discard: a software rasteriser keeps its fast path). Reused from frame to frame; allocates nothing.
 */
final class LayerQuad {
    /** The rectangle on the output: x0, y0, x1, y1 in [0,1], y up (OpenGL's way). */
    final float[] quad = new float[4];
    /** The image coordinates at (x0, y0) and at (x1, y1): sx0, sy0, sx1, sy1 (y up in the texture). */
    final float[] image = new float[4];
    /** The whole pixels that hold the rectangle (y up): what a blend that reads the picture below needs. */
    int pixelX;
    int pixelY;
    int pixelWidth;
    int pixelHeight;
    /**
     * Each pixel of the rectangle shows exactly one texel, at its centre: the image is drawn at its own size
     * on whole pixels (mirrored or not). Nearest sampling then gives the same picture as linear filtering
     * for less work.
     */
    boolean texelForTexel;
    private final float[] fit = new float[4];

    /**
     * Places an image of {@code imageWidth}x{@code imageHeight} in {@code region} (x0, y0, x1, y1 of the
     * output in [0,1], y down) of an output of {@code outputWidth}x{@code outputHeight}.
     *
     * @param topRowFirst the image's rows are stored top row first (the texture is upside down for OpenGL)
     * @return false when no part of the image shows
     */
    boolean place(float[] region, FitMode fitMode, boolean mirror, boolean topRowFirst,
                  int imageWidth, int imageHeight, int outputWidth, int outputHeight) {
        float rx0 = region[0];
        float ry0 = region[1];
        float rx1 = region[2];
        float ry1 = region[3];
        if (rx1 <= rx0 || ry1 <= ry0) {
            return false;
        }
        int regionWidth = Math.max(1, Math.round((rx1 - rx0) * outputWidth));
        int regionHeight = Math.max(1, Math.round((ry1 - ry0) * outputHeight));
        fitMode.transform(regionWidth, regionHeight, imageWidth, imageHeight, fit);
        // The image coordinate is (the region's own coordinate, x mirrored when asked) * fit.xy + fit.zw;
        // the image shows where that lies in [0,1]. Along each axis, the region's coordinates that show:
        float showsFromX = Math.max(0, -fit[2] / fit[0]);
        float showsToX = Math.min(1, (1 - fit[2]) / fit[0]);
        float showsFromY = Math.max(0, -fit[3] / fit[1]);
        float showsToY = Math.min(1, (1 - fit[3]) / fit[1]);
        if (showsToX <= showsFromX || showsToY <= showsFromY) {
            return false;
        }
        float left = mirror ? 1 - showsToX : showsFromX;   // in the region, from its left edge
        float right = mirror ? 1 - showsFromX : showsToX;
        quad[0] = rx0 + left * (rx1 - rx0);
        quad[2] = rx0 + right * (rx1 - rx0);
        // The region's own y runs up from its bottom edge, which is at 1 - ry1 on the output (y up).
        quad[1] = 1 - ry1 + showsFromY * (ry1 - ry0);
        quad[3] = 1 - ry1 + showsToY * (ry1 - ry0);
        image[0] = (mirror ? showsToX : showsFromX) * fit[0] + fit[2];
        image[2] = (mirror ? showsFromX : showsToX) * fit[0] + fit[2];
        image[1] = showsFromY * fit[1] + fit[3];
        image[3] = showsToY * fit[1] + fit[3];
        if (topRowFirst) {
            image[1] = 1 - image[1];
            image[3] = 1 - image[3];
        }
        pixelX = Math.clamp((long) Math.floor(quad[0] * outputWidth), 0, outputWidth);
        pixelY = Math.clamp((long) Math.floor(quad[1] * outputHeight), 0, outputHeight);
        pixelWidth = Math.clamp((long) Math.ceil(quad[2] * outputWidth), 0, outputWidth) - pixelX;
        pixelHeight = Math.clamp((long) Math.ceil(quad[3] * outputHeight), 0, outputHeight) - pixelY;
        texelForTexel = wholePixels(quad[0] * outputWidth) && wholePixels(quad[1] * outputHeight)
                && wholePixels(quad[2] * outputWidth) && wholePixels(quad[3] * outputHeight)
                && wholePixels(image[0] * imageWidth) && wholePixels(image[1] * imageHeight)
                && Math.abs(Math.abs(image[2] - image[0]) * imageWidth - (quad[2] - quad[0]) * outputWidth) < TEXEL_TOLERANCE
                && Math.abs(Math.abs(image[3] - image[1]) * imageHeight - (quad[3] - quad[1]) * outputHeight) < TEXEL_TOLERANCE;
        return pixelWidth > 0 && pixelHeight > 0;
    }

    /**
     * The image coordinates at the corners (x0, y0) and (x1, y1) of a rectangle inside this one, written into
     * {@code into} as {@link #image} holds them: the same mapping, drawn over part of the rectangle. At this
     * rectangle's own edges they are {@link #image}'s exactly.
     */
    void imageAt(float x0, float y0, float x1, float y1, float[] into) {
        into[0] = along(image[0], image[2], (x0 - quad[0]) / (quad[2] - quad[0]));
        into[2] = along(image[0], image[2], (x1 - quad[0]) / (quad[2] - quad[0]));
        into[1] = along(image[1], image[3], (y0 - quad[1]) / (quad[3] - quad[1]));
        into[3] = along(image[1], image[3], (y1 - quad[1]) / (quad[3] - quad[1]));
    }

    private static float along(float from, float to, float t) {
        return from * (1 - t) + to * t;
    }

    /** A thousandth of a pixel: float arithmetic on whole-pixel layouts stays well within it. */
    private static final float TEXEL_TOLERANCE = 1e-3f;

    private static boolean wholePixels(float at) {
        return Math.abs(at - Math.round(at)) < TEXEL_TOLERANCE;
    }
}
