package org.liquide.generate.commands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.TinyModels;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ModelsCommandTest {
    @Test
    void checkPrintsEachModelsTensorsDeviceAndWarmUp(@TempDir Path dir) throws Exception {
        Path invert = TinyModels.imageToImage(dir.resolve("invert.onnx"), 0, 0);
        Path diffusion = TinyModels.diffusionFolder(dir.resolve("tiny-sd"));
        CommandRun run = CommandRun.of("models", "check", "builtin", invert.toString(), diffusion.toString(),
                "--size", "128x128");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("cppn on cpu"), out);
        assertTrue(out.contains("in  coords float32[pixels, 3]"), out);
        assertTrue(out.contains("in  image float32[1, 3, height, width]"), out);
        assertTrue(out.contains("out stylized float32[1, 3, height, width]"), out);
        assertTrue(out.contains("unet (cpu)"), out);
        assertTrue(out.contains("2 steps, step by step (stream_batch: auto)"), out);
        assertTrue(out.contains("in  timestep int64[1]"), out);
        assertTrue(out.contains("out latent_parameters float32[batch, 8, height_latent, width_latent]"), out);
        assertEquals(3, out.lines().filter(line -> line.contains("warm-up image 128x128 in")).count(), out);
        assertTrue(out.contains("3 of 3 models ok"), out);
    }

    @Test
    void checkWithoutPathsChecksTheBuiltin() {
        CommandRun run = CommandRun.of("models", "check", "--size", "64x64");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("builtin (64x64, asked for cpu)"), run.out());
        assertTrue(run.out().contains("1 of 1 models ok"), run.out());
    }

    @Test
    void aDeviceAskedForByNameAndMissingExits2SayingWhatIsMissing() {
        CommandRun run = CommandRun.of("models", "check", "--device", "cuda", "--size", "64x64");
        assertEquals(2, run.exitCode(), run.out());
        String out = run.out();
        assertTrue(out.startsWith("ONNX Runtime 1.21.1, CPU build (onnxruntime), providers: CPU"), out);
        assertTrue(out.contains("cppn on cpu"), out);
        assertTrue(out.contains("refused cuda: this ONNX Runtime is the CPU build, without the CUDA provider"), out);
        assertTrue(out.contains("DEVICE MISSING: asked for cuda:0, running on cpu"), out);
        assertTrue(out.contains("0 of 1 models ok"), out);
    }

    @Test
    void autoTakesTheFastestProviderThatLoadsAndSaysWhyOthersWereRefused() {
        CommandRun run = CommandRun.of("models", "check", "--device", "auto", "--size", "64x64");
        assertEquals(0, run.exitCode(), run.out());
        String out = run.out();
        assertTrue(out.contains("cppn on cpu"), out);
        assertTrue(out.contains("refused tensorrt: this ONNX Runtime is the CPU build, without the TensorRT provider"), out);
        assertTrue(out.contains("refused cuda: "), out);
        assertFalse(out.contains("DEVICE MISSING"), out);
        assertTrue(out.contains("1 of 1 models ok"), out);
    }

    @Test
    void aModelThatDoesNotLoadFailsTheCheck(@TempDir Path dir) throws Exception {
        Path text = TinyModels.notAnImageModel(dir.resolve("text.onnx"));
        CommandRun run = CommandRun.of("models", "check", "builtin", text.toString(), "--size", "64x64");
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("FAILED: " + text + " does not fit the image-to-image contract"), run.out());
        assertTrue(run.out().contains("1 of 2 models ok"), run.out());
    }
}
