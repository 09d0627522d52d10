package org.liquide.generate.img2img;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ModelContractException;
import org.liquide.generate.TestImages;
import org.liquide.generate.TinyModels;
import org.liquide.generate.engine.EngineOptions;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ImageToImageGeneratorTest {
    /** The colour negative of a frame, for checking the inverting model. */
    private static VideoFrame negative(VideoFrame frame) {
        VideoFrame result = new VideoFrame();
        ByteBuffer out = result.reshape(frame.width(), frame.height(), frame.width() * 3, PixelFormat.RGB24);
        byte[] bytes = TestImages.bytes(frame);
        for (int i = 0; i < bytes.length; i++) {
            out.put(i, (byte) (255 - (bytes[i] & 0xFF)));
        }
        return result;
    }

    @Test
    void aDynamicSizeModelRunsAtTheRequestedSize(@TempDir Path dir) throws Exception {
        Path model = TinyModels.imageToImage(dir.resolve("invert.onnx"), 0, 0);
        VideoFrame input = TestImages.sceneFrame(80, 60, 0);
        try (ImageToImageGenerator generator = new ImageToImageGenerator(model, 80, 60, EngineOptions.cpu())) {
            assertEquals(80, generator.runWidth());
            assertEquals(60, generator.runHeight());
            VideoFrame output = new VideoFrame();
            generator.generate(input, new GenerationParams(), output);
            assertEquals(PixelFormat.RGB24, output.format());
            assertEquals(80, output.width());
            assertEquals(60, output.height());
            assertTrue(TestImages.meanAbsDifference(negative(input), output) < 0.6);
        }
    }

    @Test
    void aFixedSizeModelGetsItsSizeAndTheOutputIsResizedBack(@TempDir Path dir) throws Exception {
        Path model = TinyModels.imageToImage(dir.resolve("invert32.onnx"), 32, 24);
        VideoFrame input = TestImages.sceneFrame(128, 96, 0);
        try (ImageToImageGenerator generator = new ImageToImageGenerator(model, 128, 96, EngineOptions.cpu())) {
            assertEquals(32, generator.runWidth());
            assertEquals(24, generator.runHeight());
            VideoFrame output = new VideoFrame();
            generator.generate(input, new GenerationParams(), output);
            assertEquals(128, output.width(), "resized back to the requested size");
            assertEquals(96, output.height());
            double difference = TestImages.meanAbsDifference(negative(input), output);
            assertTrue(difference < 12, "the negative, softened by the round trip through 32x24: " + difference);
        }
    }

    @Test
    void aBgrCameraIsReadAsColourNotAsBytes(@TempDir Path dir) throws Exception {
        Path model = TinyModels.imageToImage(dir.resolve("invert.onnx"), 0, 0);
        VideoFrame rgb = TestImages.sceneFrame(40, 30, 1);
        VideoFrame bgra = new VideoFrame();
        ByteBuffer pixels = bgra.reshape(40, 30, 40 * 4 + 16, PixelFormat.BGRA32);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int from = (y * 40 + x) * 3;
                int to = y * (40 * 4 + 16) + x * 4;
                pixels.put(to, rgb.pixels().get(from + 2));
                pixels.put(to + 1, rgb.pixels().get(from + 1));
                pixels.put(to + 2, rgb.pixels().get(from));
                pixels.put(to + 3, (byte) 255);
            }
        }
        try (ImageToImageGenerator generator = new ImageToImageGenerator(model, 40, 30, EngineOptions.cpu())) {
            VideoFrame fromRgb = new VideoFrame();
            VideoFrame fromBgra = new VideoFrame();
            generator.generate(rgb, new GenerationParams(), fromRgb);
            generator.generate(bgra, new GenerationParams(), fromBgra);
            assertArrayEquals(TestImages.bytes(fromRgb), TestImages.bytes(fromBgra));
        }
    }

    @Test
    void aModelOutsideTheContractIsRefusedNamingExpectedAndFound(@TempDir Path dir) throws Exception {
        Path model = TinyModels.notAnImageModel(dir.resolve("text.onnx"));
        ModelContractException e = assertThrows(ModelContractException.class,
                () -> new ImageToImageGenerator(model, 64, 64, EngineOptions.cpu()));
        String message = e.getMessage();
        assertTrue(message.contains("text.onnx"), message);
        assertTrue(message.contains("expected input float32[1, 3, height, width]"), message);
        assertTrue(message.contains("found inputs [input_ids int64[batch, sequence]]"), message);
        assertTrue(message.contains("found outputs [last_hidden_state float32[batch, sequence, 32], pooler_output float32[batch, 32]]"), message);
        assertFalse(message.contains("\n"), "one line");
    }
}
