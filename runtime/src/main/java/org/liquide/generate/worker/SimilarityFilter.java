package org.liquide.generate.worker;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.nio.ByteBuffer;

/**
 * Tells when an input barely differs from the last one generated from: both are reduced to a 32×32 grey
 * thumbnail (each cell the mean of up to 8×8 samples, which also averages sensor noise away) and compared
 * by mean absolute difference. Generating only on change is the show's main energy saving. A YUV frame's
 * grey is its luma plane as it is.
 */
final class SimilarityFilter {
    private static final int SIDE = 32;
    private static final int SAMPLES = 8;

    private final float threshold;
    private final float[] current = new float[SIDE * SIDE];
    private final float[] reference = new float[SIDE * SIDE];
    private boolean hasCurrent;
    private boolean hasReference;

    SimilarityFilter(float threshold) {
        this.threshold = threshold;
    }

    /**
     * Looks at the frame about to be generated from (or skipped); true when it is within the threshold of
     * the last one accepted. An empty frame (no camera) is never similar.
     */
    boolean similar(VideoFrame frame) {
        hasCurrent = threshold > 0f && !frame.isEmpty();
        if (!hasCurrent) {
            return false;
        }
        thumbnail(frame, current);
        if (!hasReference) {
            return false;
        }
        float sum = 0f;
        for (int i = 0; i < current.length; i++) {
            sum += Math.abs(current[i] - reference[i]);
        }
        return sum / current.length < threshold;
    }

    /** The frame last passed to {@link #similar} was generated from: it becomes the reference. */
    void accept() {
        if (hasCurrent) {
            System.arraycopy(current, 0, reference, 0, current.length);
        }
        hasReference = hasCurrent;
    }

    static void thumbnail(VideoFrame frame, float[] target) {
        PixelFormat format = frame.format();
        int bpp = format.bytesPerPixel();
        boolean grey = format == PixelFormat.GRAY8 || format.isYuv();
        int red = grey ? 0 : format.blueFirst() ? 2 : 0;
        int blue = grey ? 0 : format.blueFirst() ? 0 : 2;
        int green = grey ? 0 : 1;
        ByteBuffer pixels = frame.pixels();
        int width = frame.width();
        int height = frame.height();
        for (int cy = 0; cy < SIDE; cy++) {
            for (int cx = 0; cx < SIDE; cx++) {
                float sum = 0f;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    int y = Math.min(height - 1, (int) ((cy + (sy + 0.5f) / SAMPLES) * height / SIDE));
                    int row = y * frame.strideBytes();
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        int x = Math.min(width - 1, (int) ((cx + (sx + 0.5f) / SAMPLES) * width / SIDE));
                        int p = row + x * bpp;
                        sum += 0.299f * (pixels.get(p + red) & 0xFF) + 0.587f * (pixels.get(p + green) & 0xFF)
                                + 0.114f * (pixels.get(p + blue) & 0xFF);
                    }
                }
                target[cy * SIDE + cx] = sum / (SAMPLES * SAMPLES * 255f);
            }
        }
    }
}
