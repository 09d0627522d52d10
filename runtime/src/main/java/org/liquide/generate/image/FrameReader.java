package org.liquide.generate.image;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Samples a frame of any pixel format into float RGB at a given size (bilinear), in the layout and value
 * range a model wants. Reuses its tables: one instance per thread and stream.
 */
public final class FrameReader {
    private final ResizeTable columns = new ResizeTable();
    private final ResizeTable rows = new ResizeTable();

    /**
     * Fills {@code target[0 .. 3·width·height)} with the frame's colours. An empty frame gives black
     * (0 in [0, 1]).
     */
    public void read(VideoFrame frame, int width, int height, float[] target, Layout layout, ValueRange range) {
        int plane = width * height;
        if (frame.isEmpty()) {
            Arrays.fill(target, 0, 3 * plane, range.fromUnit(0f));
            return;
        }
        PixelFormat format = frame.format();
        int bpp = format.bytesPerPixel();
        int red = format == PixelFormat.GRAY8 ? 0 : format.blueFirst() ? 2 : 0;
        int green = format == PixelFormat.GRAY8 ? 0 : 1;
        int blue = format == PixelFormat.GRAY8 ? 0 : format.blueFirst() ? 0 : 2;
        ByteBuffer pixels = frame.pixels();
        int stride = frame.strideBytes();
        columns.prepare(frame.width(), width);
        rows.prepare(frame.height(), height);
        float toUnit = 1f / 255f;
        for (int y = 0; y < height; y++) {
            int row0 = rows.low[y] * stride;
            int row1 = rows.high[y] * stride;
            float wy = rows.weight[y];
            for (int x = 0; x < width; x++) {
                int col0 = columns.low[x] * bpp;
                int col1 = columns.high[x] * bpp;
                float wx = columns.weight[x];
                int p00 = row0 + col0;
                int p01 = row0 + col1;
                int p10 = row1 + col0;
                int p11 = row1 + col1;
                float r = sample(pixels, p00 + red, p01 + red, p10 + red, p11 + red, wx, wy) * toUnit;
                float g = sample(pixels, p00 + green, p01 + green, p10 + green, p11 + green, wx, wy) * toUnit;
                float b = sample(pixels, p00 + blue, p01 + blue, p10 + blue, p11 + blue, wx, wy) * toUnit;
                int pixel = y * width + x;
                if (layout == Layout.PLANAR) {
                    target[pixel] = range.fromUnit(r);
                    target[plane + pixel] = range.fromUnit(g);
                    target[2 * plane + pixel] = range.fromUnit(b);
                } else {
                    target[3 * pixel] = range.fromUnit(r);
                    target[3 * pixel + 1] = range.fromUnit(g);
                    target[3 * pixel + 2] = range.fromUnit(b);
                }
            }
        }
    }

    private static float sample(ByteBuffer pixels, int i00, int i01, int i10, int i11, float wx, float wy) {
        float top = (pixels.get(i00) & 0xFF) + ((pixels.get(i01) & 0xFF) - (pixels.get(i00) & 0xFF)) * wx;
        float bottom = (pixels.get(i10) & 0xFF) + ((pixels.get(i11) & 0xFF) - (pixels.get(i10) & 0xFF)) * wx;
        return top + (bottom - top) * wy;
    }
}
