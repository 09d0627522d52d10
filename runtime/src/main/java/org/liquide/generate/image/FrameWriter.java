package org.liquide.generate.image;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.nio.ByteBuffer;

/**
 * Writes float RGB (a model's output) into an RGB24 frame, resizing bilinearly when the frame's size
 * differs, clamping to [0, 255]. Reuses its tables: one instance per thread and stream.
 */
public final class FrameWriter {
    private final ResizeTable columns = new ResizeTable();
    private final ResizeTable rows = new ResizeTable();

    public void write(float[] source, int width, int height, Layout layout, ValueRange range,
                      VideoFrame target, int targetWidth, int targetHeight) {
        ByteBuffer out = target.reshape(targetWidth, targetHeight, targetWidth * 3, PixelFormat.RGB24);
        int plane = width * height;
        int channelStep = layout == Layout.PLANAR ? plane : 1;
        int pixelStep = layout == Layout.PLANAR ? 1 : 3;
        boolean sameSize = width == targetWidth && height == targetHeight;
        columns.prepare(width, targetWidth);
        rows.prepare(height, targetHeight);
        for (int y = 0; y < targetHeight; y++) {
            int row0 = rows.low[y] * width;
            int row1 = rows.high[y] * width;
            float wy = rows.weight[y];
            int line = y * targetWidth * 3;
            for (int x = 0; x < targetWidth; x++) {
                for (int c = 0; c < 3; c++) {
                    float value;
                    if (sameSize) {
                        value = source[(y * width + x) * pixelStep + c * channelStep];
                    } else {
                        int col0 = columns.low[x];
                        int col1 = columns.high[x];
                        float wx = columns.weight[x];
                        float v00 = source[(row0 + col0) * pixelStep + c * channelStep];
                        float v01 = source[(row0 + col1) * pixelStep + c * channelStep];
                        float v10 = source[(row1 + col0) * pixelStep + c * channelStep];
                        float v11 = source[(row1 + col1) * pixelStep + c * channelStep];
                        float top = v00 + (v01 - v00) * wx;
                        float bottom = v10 + (v11 - v10) * wx;
                        value = top + (bottom - top) * wy;
                    }
                    out.put(line + x * 3 + c, toByte(range.toUnit(value)));
                }
            }
        }
    }

    private static byte toByte(float unit) {
        // NaN (a diverged model) becomes black rather than an exception in the show.
        float scaled = unit * 255f + 0.5f;
        return (byte) (scaled >= 255f ? 255 : scaled > 0f ? (int) scaled : 0);
    }
}
