package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.cli.Main;
import org.liquide.testing.GoldenImages;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.render.shader.ShaderTesting.*;

/** {@code liquide shader}, end to end: the artist's quick check and its exit codes. */
class ShaderCommandTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String path(String shader) {
        return shader(shader).toString();
    }

    @Test
    void everyInputTypeCanBeSetFromTheCommandLine() throws Exception {
        Path output = dir.resolve("all.png");
        Result result = run("shader", path("all-inputs.fs"), "--output", output.toString(), "--size", "70x20",
                "--set", "level=1.5", "--set", "invert=true", "--set", "mode=blue", "--set", "spot=0.25,0.75",
                "--set", "tint=1,0.5,0,1", "--set", "flash=true", "--set", "picture=" + path("images/quadrants.png"));
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("wrote " + output + " (70x20, 1 frame)", result.out().strip());
        BufferedImage image = ImageIO.read(output.toFile());
        GoldenImages.assertMatches("isf-all-inputs-set", image, 1.0, 0.01);
        int y = 10;
        assertEquals(new Color(191, 191, 191).getRGB(), image.getRGB(5, y), 0x010101, "float: 1.5 * 0.5");
        assertEquals(new Color(255, 255, 0).getRGB(), image.getRGB(15, y), "bool: true");
        assertEquals(new Color(0, 0, 255).getRGB(), image.getRGB(25, y), "long: by its label");
        assertEquals(new Color(64, 191, 0).getRGB(), image.getRGB(35, y), 0x010101, "point2D");
        assertEquals(new Color(255, 128, 0).getRGB(), image.getRGB(45, y), 0x010101, "color");
        assertEquals(Color.WHITE.getRGB(), image.getRGB(55, y), "event: fired on the first (here the only) frame");
        assertEquals(new Color(255, 0, 0).getRGB(), image.getRGB(62, 2), "image: the PNG's top left at the top left");
        assertEquals(new Color(0, 0, 255).getRGB(), image.getRGB(62, 17), "and its bottom left at the bottom left");
    }

    @Test
    void framesAdvanceTimeBySixtiethsOfASecondLikeTheLayerTests() throws Exception {
        Path output = dir.resolve("builtins.png");
        Result result = run("shader", path("builtins.fs"), "--output", output.toString(), "--size", "64x32", "--frames", "10");
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(output.toFile());
        // Same picture as the layer renders (its DATE band aside: the command uses the real date).
        BufferedImage golden = ImageIO.read(ShaderCommandTest.class.getResource("/golden/isf-builtins.png"));
        for (int x : new int[]{3, 19, 32, 60}) {
            assertEquals(golden.getRGB(x, 4), image.getRGB(x, 4), 0x010101, "top band at x=" + x);
        }
        assertEquals(golden.getRGB(40, 25), image.getRGB(40, 25), 0x010101);
    }

    @Test
    void aFilterProcessesTheInputImageAtItsSize() throws Exception {
        Path input = dir.resolve("photo.png");
        ImageIO.write(ShaderRenderTest.squareImage(96, 64), "png", input.toFile());
        Path output = dir.resolve("inverted.png");
        Result result = run("shader", path("invert.fs"), "--input", input.toString(), "--output", output.toString());
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(output.toFile());
        assertEquals(96, image.getWidth());
        assertEquals(64, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(90, 5), "black inverted");
        assertEquals(Color.BLACK.getRGB(), image.getRGB(48, 32), "the white square inverted");
        assertEquals(Color.CYAN.getRGB(), image.getRGB(1, 32), "the red bar inverted, on the left");
    }

    @Test
    void aFilterWithoutInputFiltersTheTestImageAndGeneratorsDefaultTo1280x720() throws Exception {
        Path output = dir.resolve("blur.png");
        Result filter = run("shader", path("blur-multipass.fs"), "--output", output.toString(), "--size", "160x90");
        assertEquals(0, filter.exitCode(), filter.err());
        assertTrue(filter.err().contains("no --input, filtering Liquide's test image"), filter.err());
        assertEquals(160, ImageIO.read(output.toFile()).getWidth());

        Path big = dir.resolve("big.png");
        Result generator = run("shader", path("builtins.fs"), "--output", big.toString());
        assertEquals(0, generator.exitCode(), generator.err());
        BufferedImage image = ImageIO.read(big.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
    }

    @Test
    void shaderErrorsExitTwoWithTheFileAndLine() {
        Result compile = run("shader", path("compile-error.fs"), "--output", dir.resolve("x.png").toString());
        assertEquals(2, compile.exitCode());
        assertTrue(compile.err().startsWith("compile-error.fs:12:"), compile.err());
        Result json = run("shader", path("json-error.fs"), "--output", dir.resolve("x.png").toString());
        assertEquals(2, json.exitCode());
        assertTrue(json.err().startsWith("json-error.fs:6:13: error: invalid JSON"), json.err());
        Result vertex = run("shader", path("vertex-error.fs"), "--output", dir.resolve("x.png").toString());
        assertEquals(2, vertex.exitCode());
        assertTrue(vertex.err().startsWith("vertex-error.vs:4:"), vertex.err());
        assertFalse(Files.exists(dir.resolve("x.png")), "no output for a broken shader");
    }

    @Test
    void unknownInputsAndBadValuesExitTwoSayingWhatIsExpected() {
        String output = dir.resolve("x.png").toString();
        Result unknown = run("shader", path("all-inputs.fs"), "--output", output, "--set", "volume=1");
        assertEquals(2, unknown.exitCode());
        assertEquals("all-inputs.fs: --set volume: no input named 'volume'; its inputs are level, invert, mode, spot, tint, flash, picture",
                unknown.err().strip());
        Result badFloat = run("shader", path("all-inputs.fs"), "--output", output, "--set", "level=loud");
        assertEquals(2, badFloat.exitCode());
        assertEquals("all-inputs.fs:5: --set level=loud: 'level' is a float input: expected a number, got 'loud'", badFloat.err().strip());
        Result badPoint = run("shader", path("all-inputs.fs"), "--output", output, "--set", "spot=0.5");
        assertEquals(2, badPoint.exitCode());
        assertTrue(badPoint.err().contains("expected x,y"), badPoint.err());
        Result noEquals = run("shader", path("all-inputs.fs"), "--output", output, "--set", "level");
        assertEquals(2, noEquals.exitCode());
        Result missingImage = run("shader", path("all-inputs.fs"), "--output", output, "--set", "picture=" + dir.resolve("none.png"));
        assertEquals(2, missingImage.exitCode());
        assertTrue(missingImage.err().contains("none.png: no such file"), missingImage.err());
    }

    @Test
    void valuesOutsideTheRangeAreClampedWithANote() throws Exception {
        Path output = dir.resolve("clamped.png");
        Result result = run("shader", path("all-inputs.fs"), "--output", output.toString(), "--size", "70x20", "--set", "level=5");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("clamped to 2.0"), result.err());
        assertEquals(255, red(ImageIO.read(output.toFile()), 5, 10));
    }

    @Test
    void aFolderIsCheckedFileByFileIntoATableOfRenderedDifferingAndRefusedShaders() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("collection"));
        Files.copy(shader("invert.fs"), folder.resolve("Invert.fs"));
        Files.copy(shader("json-error.fs"), folder.resolve("Broken.fs"));
        Files.copy(shader("reference-host/clamped-neighbours.fs"), folder.resolve("Neighbours.fs"));
        Files.copy(shader("reference-host/clamped-neighbours.vs"), folder.resolve("Neighbours.vs"));
        Files.writeString(folder.resolve("Audio.fs"), """
                /*{ "INPUTS": [ { "NAME": "wave", "TYPE": "audio" } ] }*/
                void main() { gl_FragColor = IMG_NORM_PIXEL(wave, isf_FragNormCoord); }
                """);
        Files.writeString(folder.resolve("notes.txt"), "not a shader");
        Path report = dir.resolve("report.md");
        Result result = run("shader", folder.toString(), "--output", report.toString(), "--size", "32x16", "--frames", "2");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("collection: 4 shaders, 2 rendered, 1 rendered but differ from the reference host, 1 refused; table in "
                + report), result.out());
        String table = Files.readString(report);
        assertTrue(table.startsWith("collection: 4 shaders, 2 rendered, 1 rendered but differ from the reference host, 1 refused\n"), table);
        assertTrue(table.contains("| Audio.fs | differs | audio input gets silence; one colour with the default inputs |"), table);
        assertTrue(table.contains("| Broken.fs | refused | line 6: invalid JSON in the ISF header: "), table);
        assertTrue(table.contains("| Invert.fs | rendered |  |"), table);
        assertTrue(table.contains("| Neighbours.fs | rendered |  |"), table);
    }

    @Test
    void missingFilesAndBadOptionsExitTwo() {
        String output = dir.resolve("x.png").toString();
        Result missing = run("shader", dir.resolve("nowhere.fs").toString(), "--output", output);
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("nowhere.fs: error: no such file"), missing.err());
        Result missingInput = run("shader", path("invert.fs"), "--input", dir.resolve("none.jpg").toString(), "--output", output);
        assertEquals(2, missingInput.exitCode());
        assertTrue(missingInput.err().contains("none.jpg: no such file"), missingInput.err());
        assertEquals(2, run("shader", path("builtins.fs"), "--output", output, "--frames", "0").exitCode());
        assertEquals(2, run("shader", path("builtins.fs")).exitCode(), "--output is required");
        assertEquals(2, run("shader", path("builtins.fs"), "--output", output, "--size", "huge").exitCode());
    }
}
