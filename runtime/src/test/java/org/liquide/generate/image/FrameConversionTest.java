package org.liquide.generate.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.onnx.ElementType;

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

    private static float[] values(TensorBuffer tensor) {
        float[] values = new float[tensor.elementCount()];
        tensor.getFloats(values);
        return values;
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"FLOAT32", "FLOAT16"})
    void framesOfEveryColourOrderReadAsRgbInTheModelsLayoutRangeAndType(ElementType type) {
        for (PixelFormat format : new PixelFormat[]{PixelFormat.BGR24, PixelFormat.RGB24, PixelFormat.BGRA32, PixelFormat.RGBA32}) {
            VideoFrame frame = halves(format);
            try (FrameReader reader = new FrameReader();
                 TensorBuffer planarTensor = new TensorBuffer("sample", type).reshape(1, 3, 2, 4);
                 TensorBuffer interleavedTensor = new TensorBuffer("camera", type).reshape(2, 3)) {
                reader.read(frame, 4, 2, planarTensor, Layout.PLANAR, ValueRange.SIGNED);
                float[] planar = values(planarTensor);
                assertEquals(1f, planar[0], 1e-6, format + ": red plane, left");
                assertEquals(-1f, planar[3], 1e-6, format + ": red plane, right");
                assertEquals(-1f, planar[8], 1e-6, format + ": green plane");
                assertEquals(-1f, planar[16], 1e-6, format + ": blue plane, left");
                assertEquals(1f, planar[16 + 3], 1e-6, format + ": blue plane, right");

                reader.read(frame, 2, 1, interleavedTensor, Layout.INTERLEAVED, ValueRange.UNIT);
                assertArrayEquals(new float[]{1, 0, 0, 0, 0, 1}, values(interleavedTensor), 1e-6f, format + " halved");
            } finally {
                frame.free();
            }
        }
    }

    @Test
    void float16IsWrittenAsFloat16() {
        VideoFrame grey = new VideoFrame();
        ByteBuffer pixels = grey.reshape(2, 1, 2, PixelFormat.GRAY8);
        pixels.put(0, (byte) 51).put(1, (byte) 255);
        try (FrameReader reader = new FrameReader();
             TensorBuffer half = new TensorBuffer("sample", ElementType.FLOAT16).reshape(1, 3, 1, 2)) {
            reader.read(grey, 2, 1, half, Layout.PLANAR, ValueRange.UNIT);
            ByteBuffer bits = half.nativeView();
            assertEquals(Float.floatToFloat16(0.2f), bits.getShort(0), "51/255 as a float16's bits");
            assertEquals(Float.floatToFloat16(1f), bits.getShort(2), "255/255 as a float16's bits");
        } finally {
            grey.free();
        }
    }

    @Test
    void resizingIsBilinearWithPixelCentresAligned() {
        VideoFrame gradient = new VideoFrame();
        ByteBuffer pixels = gradient.reshape(4, 1, 4, PixelFormat.GRAY8);
        pixels.put(0, (byte) 0).put(1, (byte) 80).put(2, (byte) 160).put(3, (byte) 240);
        try (FrameReader reader = new FrameReader();
             TensorBuffer tensor = new TensorBuffer("camera", ElementType.FLOAT32).reshape(2, 3)) {
            reader.read(gradient, 2, 1, tensor, Layout.INTERLEAVED, ValueRange.UNIT);
            float[] out = values(tensor);
            assertEquals(40 / 255f, out[0], 1 / 255f, "between the first two source pixels");
            assertEquals(out[0], out[1], 1e-6, "grey stays grey");
            assertEquals(200 / 255f, out[3], 1 / 255f, "between the last two");
        } finally {
            gradient.free();
        }
    }

    @Test
    void anEmptyFrameReadsAsBlack() {
        try (FrameReader reader = new FrameReader();
             TensorBuffer tensor = new TensorBuffer("sample", ElementType.FLOAT32).reshape(1, 3, 1, 2)) {
            tensor.fill(0.7f);
            reader.read(new VideoFrame(), 2, 1, tensor, Layout.PLANAR, ValueRange.SIGNED);
            assertArrayEquals(new float[]{-1, -1, -1, -1, -1, -1}, values(tensor), 1e-6f);
        }
    }

    @Test
    void aTensorOfAnotherSizeIsRefused() {
        try (FrameReader reader = new FrameReader();
             TensorBuffer tensor = new TensorBuffer("sample", ElementType.FLOAT32).reshape(1, 3, 2, 2)) {
            VideoFrame frame = halves(PixelFormat.RGB24);
            try {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> reader.read(frame, 4, 2, tensor, Layout.PLANAR, ValueRange.UNIT));
                assertTrue(refused.getMessage().contains("4x2"), refused.getMessage());
            } finally {
                frame.free();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"FLOAT32", "FLOAT16"})
    void modelOutputsBecomeRgbBytesRoundedClampedAndResized(ElementType type) {
        float[] planar = {
                -1f, 1f, 0f, Float.NaN,      // red:   black, full, middle, NaN
                -1f, 2f, -3f, 0f,            // green: clamped both ways
                1f, -1f, 0.5f, 0f};          // blue
        VideoFrame frame = new VideoFrame();
        try (FrameWriter writer = new FrameWriter();
             TensorBuffer output = new TensorBuffer("sample", type).reshape(1, 3, 1, 4);
             TensorBuffer interleaved = new TensorBuffer("rgb", type).reshape(2, 3)) {
            output.setFloats(planar, planar.length);
            writer.write(output, 4, 1, Layout.PLANAR, ValueRange.SIGNED, frame, 4, 1);
            ByteBuffer rgb = frame.pixels();
            assertEquals(PixelFormat.RGB24, frame.format());
            int[] expected = {0, 0, 255, 255, 255, 0, 128, 0, 191, 0, 128, 128};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], rgb.get(i) & 0xFF, type + ": byte " + i);
            }
            interleaved.setFloats(new float[]{0, 0, 0, 1, 1, 1}, 6);
            writer.write(interleaved, 2, 1, Layout.INTERLEAVED, ValueRange.UNIT, frame, 4, 2);
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
