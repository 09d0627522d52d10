package org.liquide.generate.commands;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.TestImages;
import org.liquide.generate.TinyModels;
import org.liquide.generate.image.ImageFiles;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class GenerateCommandTest {
    @TempDir
    static Path dir;
    private static Path input;
    private static Path invert;
    private static Path diffusion;

    @BeforeAll
    static void prepare() throws Exception {
        input = dir.resolve("camera.png");
        ImageIO.write(TestImages.scene(96, 72, 0), "png", input.toFile());
        invert = TinyModels.imageToImage(dir.resolve("invert.onnx"), 0, 0);
        diffusion = TinyModels.diffusionFolder(dir.resolve("tiny-sd"));
    }

    private static VideoFrame read(Path file) throws Exception {
        VideoFrame frame = new VideoFrame();
        ImageFiles.read(file, frame);
        return frame;
    }

    @Test
    void builtinMakesTheSameImageFromTheSameInputsAndSeed() throws Exception {
        Path first = dir.resolve("builtin-1.png");
        Path second = dir.resolve("builtin-2.png");
        CommandRun run = CommandRun.of("generate", "--model", "builtin", "--input", input.toString(),
                "--output", first.toString(), "--seed", "3", "--latent", "0.5,-0.2,0.1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("96x72 with cppn on cpu"), run.out());
        assertEquals(0, CommandRun.of("generate", "--model", "builtin", "--input", input.toString(),
                "--output", second.toString(), "--seed", "3", "--latent", "0.5,-0.2,0.1").exitCode());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "byte-identical");

        VideoFrame image = read(first);
        assertEquals(96, image.width(), "the input's size");
        assertEquals(72, image.height());
        assertTrue(TestImages.contrast(image) > 10);

        Path other = dir.resolve("builtin-other.png");
        assertEquals(0, CommandRun.of("generate", "--model", "builtin", "--input", input.toString(),
                "--output", other.toString(), "--seed", "4", "--size", "64x48").exitCode());
        assertEquals(64, read(other).width(), "--size wins");
        assertEquals(48, read(other).height());
    }

    @Test
    void anImageToImageModelRunsOnTheInput() throws Exception {
        Path output = dir.resolve("inverted.png");
        CommandRun run = CommandRun.of("generate", "--model", invert.toString(), "--input", input.toString(),
                "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        VideoFrame in = read(input);
        VideoFrame out = read(output);
        byte[] source = TestImages.bytes(in);
        byte[] result = TestImages.bytes(out);
        for (int i = 0; i < source.length; i++) {
            assertEquals(255 - (source[i] & 0xFF), result[i] & 0xFF, 1, "the negative, at byte " + i);
        }
    }

    @Test
    void aDiffusionFolderRunsEndToEndDeterministically() throws Exception {
        Path first = dir.resolve("sd-1.png");
        Path second = dir.resolve("sd-2.png");
        String[] args = {"generate", "--model", diffusion.toString(), "--input", input.toString(), "--prompt",
                "a red cat", "--strength", "0.6", "--steps", "2", "--seed", "7", "--output", first.toString()};
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("with tiny-sd on cpu"), run.out());
        args[args.length - 1] = second.toString();
        assertEquals(0, CommandRun.of(args).exitCode());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "byte-identical");
        assertEquals(96, read(first).width());

        Path kept = dir.resolve("sd-kept.png");
        assertEquals(0, CommandRun.of("generate", "--model", diffusion.toString(), "--input", input.toString(),
                "--prompt", "a red cat", "--strength", "0", "--output", kept.toString()).exitCode());
        assertArrayEquals(TestImages.bytes(read(input)), TestImages.bytes(read(kept)), "strength 0 returns the input");
    }

    @Test
    void badInputsExitWithTwoAndOneClearLine() throws Exception {
        CommandRun missingInput = CommandRun.of("generate", "--model", "builtin", "--input",
                dir.resolve("nowhere.png").toString(), "--output", dir.resolve("x.png").toString());
        assertEquals(2, missingInput.exitCode());
        assertEquals("generate: image not found: " + dir.resolve("nowhere.png") + "\n", missingInput.errorLines());

        CommandRun missingModel = CommandRun.of("generate", "--model", dir.resolve("nothing.onnx").toString(),
                "--input", input.toString(), "--output", dir.resolve("x.png").toString());
        assertEquals(2, missingModel.exitCode());
        assertEquals("generate: model not found: " + dir.resolve("nothing.onnx") + "\n", missingModel.errorLines());

        Path text = TinyModels.notAnImageModel(dir.resolve("text-encoder.onnx"));
        CommandRun contract = CommandRun.of("generate", "--model", text.toString(), "--input", input.toString(),
                "--output", dir.resolve("x.png").toString());
        assertEquals(2, contract.exitCode());
        String line = contract.errorLines();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("expected input float32[1, 3, height, width], found inputs [input_ids int64[batch, sequence]]"),
                line);

        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "not a model at all");
        CommandRun malformed = CommandRun.of("generate", "--model", garbage.toString(), "--input", input.toString(),
                "--output", dir.resolve("x.png").toString());
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.errorLines().startsWith("generate: cannot read " + garbage), malformed.errorLines());

        assertEquals(2, CommandRun.of("generate", "--model", "builtin", "--input", input.toString(), "--output",
                dir.resolve("x.png").toString(), "--size", "big").exitCode());
        assertEquals(2, CommandRun.of("generate", "--model", "builtin", "--input", input.toString(), "--output",
                dir.resolve("x.gifv").toString()).exitCode());
        assertEquals(2, CommandRun.of("generate", "--model", "builtin", "--input", input.toString(), "--output",
                dir.resolve("x.png").toString(), "--strength", "1.5").exitCode());
        assertFalse(Files.exists(dir.resolve("x.png")));
    }
}
