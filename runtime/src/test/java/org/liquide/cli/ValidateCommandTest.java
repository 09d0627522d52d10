package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code liquide validate} compiles what the scenes run: shaders offscreen as the show does, and sketches. */
class ValidateCommandTest {
    private static final Path SCENES = Path.of("../scenes");

    @TempDir
    Path root;

    private record Run(int code, String out, String err) {
    }

    private static Run validate(Path path) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "validate", path.toString());
        return new Run(code, out.toString(), err.toString());
    }

    /** The repository's scenes, copied under {@code root} (with {@code _shaders/}), and {@code attente} copied to {@code essai}. */
    private Path copyScenes() throws IOException {
        Path scenes = root.resolve("scenes");
        try (Stream<Path> files = Files.walk(SCENES)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = scenes.resolve(SCENES.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path essai = scenes.resolve("essai");
        Files.createDirectories(essai.resolve("sketches"));
        for (String file : new String[]{"scene.yaml", "sketches/Invitation.java"}) {
            Files.copy(scenes.resolve("attente").resolve(file), essai.resolve(file));
        }
        return scenes;
    }

    @Test
    void theShowcaseAndItsScenesAreValid() {
        Run run = validate(Path.of("../showcase-config/showcase.yaml"));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("valid showcase"), run.out());
        assertFalse(run.err().contains("not compiled"), "the shaders were compiled: " + run.err());
    }

    @Test
    void theRoomFileIsValidToo() {
        Run run = validate(Path.of("../showcase-config/showcase.room.yaml"));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("valid showcase"), run.out());
    }

    @Test
    void aShaderThatDoesNotCompileIsReportedAtItsLineAndColumn() throws IOException {
        Path scenes = copyScenes();
        Path rings = scenes.resolve("_shaders/breathing-rings.frag");
        Files.writeString(rings, Files.readString(rings).replace("sin(r * rings", "sin(r * ringz"));
        int line = Files.readAllLines(rings).indexOf(Files.readAllLines(rings).stream()
                .filter(l -> l.contains("ringz")).findFirst().orElseThrow()) + 1;

        Run run = validate(scenes.resolve("attente"));

        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches(".*breathing-rings\\.frag:" + line + ":\\d+: .*ringz.*undeclared.*")),
                run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("breathing-rings.frag:" + line + ":")).count(),
                "one line for one mistake: " + run.err());
    }

    @Test
    void aSketchThatDoesNotCompileIsReportedAtItsLineAndColumn() throws IOException {
        Path scenes = copyScenes();
        Path sketch = scenes.resolve("essai/sketches/Invitation.java");
        Files.writeString(sketch, Files.readString(sketch).replace("        clear();", "        clearr();"));

        Run run = validate(scenes.resolve("essai"));

        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("Invitation.java:9:9: cannot find symbol"), run.err());
    }

    @Test
    void aCopiedSceneKeepsItsOldPackageLineAndIsValid() throws IOException {
        Path scenes = copyScenes();
        assertTrue(Files.readString(scenes.resolve("essai/sketches/Invitation.java")).startsWith("package sketch.attente;"));

        Run run = validate(scenes.resolve("essai"));

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("valid scene 'essai'"), run.out());
    }
}
