package org.liquide.generate.diffusion;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.StreamBatching;
import org.liquide.generate.TestImages;
import org.liquide.generate.TinyModels;
import org.liquide.generate.TinyModels.TimestepShape;
import org.liquide.generate.image.ImageFiles;
import org.liquide.generate.factory.GeneratorFactory;
import org.liquide.generate.onnx.ElementType;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A stream batch gives each camera image the picture step-by-step sampling gives it, {@code steps − 1}
 * images late: the same latents, noise and schedules, denoised in one UNet batch per call.
 */
class StreamBatchTest {
    /**
     * In levels (1/255), the mean difference allowed between a stream's image and step-by-step's: batched
     * and single UNet runs could round differently (here they match exactly). The tiny untrained models'
     * images of different camera images differ by 0.2 to 130 levels.
     */
    private static final double SAME = 0.05;
    private static final int FRAMES = 6;

    @TempDir
    static Path models;
    private static Path euler;
    private static Path lcm;
    private static Path oneTimestep;
    private static final List<VideoFrame> CAMERA = new ArrayList<>();

    @BeforeAll
    static void writeModels() throws Exception {
        euler = TinyModels.diffusionFolder(models.resolve("euler"));
        TinyModels.unetTimestep(euler, ElementType.INT64, TimestepShape.BATCH);
        lcm = TinyModels.diffusionFolder(models.resolve("lcm"), ElementType.FLOAT32,
                TinyModels.TokenizerLayout.TOKENIZER_JSON, TinyModels.Sampler.LCM);
        TinyModels.unetTimestep(lcm, ElementType.INT64, TimestepShape.BATCH);
        oneTimestep = TinyModels.diffusionFolder(models.resolve("one-timestep"));
        for (int i = 0; i < FRAMES; i++) {
            CAMERA.add(cameraImage(i));
        }
    }

    /** The scene, its colours turned further round the hue circle at each image: every image looks different. */
    private static VideoFrame cameraImage(int index) {
        BufferedImage image = TestImages.scene(128, 96, index % 3);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                float[] hsb = Color.RGBtoHSB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, null);
                image.setRGB(x, y, Color.HSBtoRGB(hsb[0] + index / (float) FRAMES, hsb[1], hsb[2]));
            }
        }
        VideoFrame frame = new VideoFrame();
        ImageFiles.fromImage(image, frame);
        return frame;
    }

    private static ModelSpec spec(Path root, int steps, StreamBatching batching) {
        return ModelSpec.of(root.toString()).withSize(128, 96).withPrompts(List.of("a red cat")).withSteps(steps)
                .withStreamBatching(batching).withThreads(1, 1);
    }

    /** Each camera image generated in turn, with the params of its index. */
    private static List<VideoFrame> run(ModelSpec spec, List<GenerationParams> params) throws Exception {
        List<VideoFrame> outputs = new ArrayList<>();
        try (ImageGenerator generator = GeneratorFactory.open(spec)) {
            for (int i = 0; i < params.size(); i++) {
                VideoFrame output = new VideoFrame();
                generator.generate(CAMERA.get(i), params.get(i), output);
                outputs.add(output);
            }
        }
        return outputs;
    }

    /**
     * Runs the camera images through {@code model} at {@code steps}, step by step and as a stream, image i
     * with {@code paramsOf(i)}; asserts that stream image j is step-by-step image {@code source[j]}, and that
     * the step-by-step images differ, so that a stream showing the wrong one would fail.
     */
    private static void assertStreamGives(Path model, int steps, IntFunction<GenerationParams> paramsOf, int[] source)
            throws Exception {
        List<GenerationParams> params = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            params.add(paramsOf.apply(i));
        }
        List<VideoFrame> stepByStep = run(spec(model, steps, StreamBatching.OFF), params);
        List<VideoFrame> stream = run(spec(model, steps, StreamBatching.ON), params);
        for (int j = 0; j < stream.size(); j++) {
            double difference = TestImages.meanAbsDifference(stepByStep.get(source[j]), stream.get(j));
            assertTrue(difference < SAME, steps + " steps: stream image " + j + " is camera image " + source[j]
                    + "'s: " + difference);
        }
        for (int j = 1; j < stepByStep.size(); j++) {
            double apart = TestImages.meanAbsDifference(stepByStep.get(j - 1), stepByStep.get(j));
            assertTrue(apart > 2 * SAME, "camera images " + (j - 1) + " and " + j + " give different pictures: " + apart);
        }
    }

    @Test
    void eachImageComesOutAsStepByStepMakesItStepsMinusOneCallsLate() throws Exception {
        for (int steps : new int[]{2, 3}) {
            int[] source = new int[FRAMES];
            for (int j = 0; j < FRAMES; j++) {
                // The first call fills the stream with its own image; from then on, images come out late.
                source[j] = Math.max(0, j - (steps - 1));
            }
            assertStreamGives(euler, steps, i -> new GenerationParams().strength(0.8f).seed(3), source);
        }
    }

    @Test
    void samplersThatRenoiseBetweenStepsKeepEachStepsNoise() throws Exception {
        assertStreamGives(lcm, 3, i -> new GenerationParams().strength(0.9f).seed(4), new int[]{0, 0, 0, 1, 2, 3});
    }

    @Test
    void aStrengthThatMovesAppliesFromTheNextImageAndNoLatentChangesScheduleHalfway() throws Exception {
        assertStreamGives(euler, 2, i -> new GenerationParams().strength(i < 3 ? 0.5f : 0.9f).seed(5),
                new int[]{0, 0, 1, 2, 3, 4});
    }

    @Test
    void aNewSeedRefillsTheStreamWithItsOwnImage() throws Exception {
        assertStreamGives(euler, 2, i -> new GenerationParams().strength(0.8f).seed(i < 3 ? 6 : 7),
                new int[]{0, 0, 1, 3, 3, 4});
    }

    @Test
    void strengthZeroEmptiesTheStream() throws Exception {
        // Image 2 is the camera image itself; image 3 starts afresh rather than showing image 1 again.
        assertStreamGives(euler, 2, i -> new GenerationParams().strength(i == 2 ? 0f : 0.8f).seed(8),
                new int[]{0, 0, 2, 3, 3, 4});
    }

    @Test
    void theSamplingFollowsTheSettingTheStepsTheModelAndTheDevice() throws Exception {
        String[][] cases = {
                {"on", "2", "batch", "stream batch of 2"},
                {"on", "1", "batch", "step by step"},
                {"off", "2", "batch", "step by step"},
                // On a CPU a batch costs what its steps cost: auto streams only on a GPU.
                {"auto", "2", "batch", "step by step"},
                // A UNet with one timestep per call cannot denoise latents at different steps together.
                {"on", "2", "one", "step by step"},
        };
        for (String[] c : cases) {
            Path root = c[2].equals("batch") ? euler : oneTimestep;
            ModelSpec spec = spec(root, Integer.parseInt(c[1]), StreamBatching.parse(c[0]));
            try (ImageGenerator generator = GeneratorFactory.open(spec)) {
                String sampling = ((DiffusionGenerator) generator).sampling();
                assertTrue(sampling.startsWith(c[3]), String.join(" ", c) + ": " + sampling);
            }
        }
    }
}
