package org.liquide.generate.image;

import org.junit.jupiter.api.Test;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.*;

class FrameConversionTest {
    /** A 4×2 frame: left half pure red, right half pure blue, in the frame's own channel order. */
    private static VideoFrame halves(PixelFormat format) {
        VideoFrame frame = new VideoFrame();
        int bpp = format.bytesPerPixel();
        int stride = 4 * bpp + 4; // padded rows, as cameras give
        ByteBuffer pixels = frame.reshape(4, 2, stride, format);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                int at = y * stride + x * bpp;
                boolean red = x < 2;
                pixels.put(at + (format.blueFirst() ? 2 : 0), (byte) (red ? 255 : 0));
                pixels.put(at + 1, (byte) 0);
                pixels.put(at + (format.blueFirst() ? 0 : 2), (byte) (red ? 0 : 255));
                if (bpp == 4) {
                    pixels.put(at + 3, (byte) 255);
                }
            }
        }
        return frame;
    }

    @Test
    void framesOfEveryColourOrderReadAsRgbInTheModelsLayoutAndRange() {
        for (PixelFormat format : new PixelFormat[]{PixelFormat.BGR24, PixelFormat.RGB24, PixelFormat.BGRA32, PixelFormat.RGBA32}) {
            VideoFrame frame = halves(format);
            try (FrameReader reader = new FrameReader()) {
                float[] planar = new float[3 * 8];
                reader.read(frame, 4, 2, planar, Layout.PLANAR, ValueRange.SIGNED);
                assertEquals(1f, planar[0], 1e-6, format + ": red plane, left");
                assertEquals(-1f, planar[3], 1e-6, format + ": red plane, right");
                assertEquals(-1f, planar[8], 1e-6, format + ": green plane");
                assertEquals(-1f, planar[16], 1e-6, format + ": blue plane, left");
                assertEquals(1f, planar[16 + 3], 1e-6, format + ": blue plane, right");

                float[] interleaved = new float[3 * 2];
                reader.read(frame, 2, 1, interleaved, Layout.INTERLEAVED, ValueRange.UNIT);
                assertArrayEquals(new float[]{1, 0, 0, 0, 0, 1}, interleaved, 1e-6f, format + " halved");
            } finally {
                frame.free();
            }
        }
    }

    @Test
    void resizingIsBilinearWithPixelCentresAligned() {
        VideoFrame gradient = new VideoFrame();
        ByteBuffer pixels = gradient.reshape(4, 1, 4, PixelFormat.GRAY8);
        pixels.put(0, (byte) 0).put(1, (byte) 80).put(2, (byte) 160).put(3, (byte) 240);
        try (FrameReader reader = new FrameReader()) {
            float[] out = new float[3 * 2];
            reader.read(gradient, 2, 1, out, Layout.INTERLEAVED, ValueRange.UNIT);
            assertEquals(40 / 255f, out[0], 1 / 255f, "between the first two source pixels");
            assertEquals(out[0], out[1], 1e-6, "grey stays grey");
            assertEquals(200 / 255f, out[3], 1 / 255f, "between the last two");
        } finally {
            gradient.free();
        }
    }

    @Test
    void modelOutputsBecomeRgbBytesRoundedClampedAndResized() {
        float[] planar = {
                -1f, 1f, 0f, Float.NaN,      // red:   black, full, middle, NaN
                -1f, 2f, -3f, 0f,            // green: clamped both ways
                1f, -1f, 0.5f, 0f};          // blue
        VideoFrame frame = new VideoFrame();
        try (FrameWriter writer = new FrameWriter()) {
            writer.write(planar, 4, 1, Layout.PLANAR, ValueRange.SIGNED, frame, 4, 1);
            ByteBuffer rgb = frame.pixels();
            assertEquals(PixelFormat.RGB24, frame.format());
            int[] expected = {0, 0, 255, 255, 255, 0, 128, 0, 191, 0, 128, 128};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], rgb.get(i) & 0xFF, "byte " + i);
            }
            writer.write(new float[]{0, 0, 0, 1, 1, 1}, 2, 1, Layout.INTERLEAVED, ValueRange.UNIT, frame, 4, 2);
            assertEquals(4, frame.width());
            assertEquals(2, frame.height());
            assertEquals(0, frame.pixels().get(0) & 0xFF);
            assertEquals(255, frame.pixels().get(3 * 3) & 0xFF, "right edge of the first row");
            assertEquals(255, frame.pixels().get(4 * 3 + 3 * 3) & 0xFF, "right edge of the second row");
        } finally {
            frame.free();
        }
    }
}
