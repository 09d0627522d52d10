package org.liquide.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liquide.config.YamlLimits;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code liquide validate} on a file built to overflow, exhaust or stall a reader (as a showcase, a
 * scene, a node file, or a scene's shader): one located error line, its count, exit 2, and no trace.
 */
class ValidateLimitsTest {
    @TempDir
    Path dir;

    enum Hostile {
        DEEP, LAUGHS, NOT_UTF8, HUGE, LONG_VALUE;

        /** The hostile part, after a valid first line. */
        byte[] body() {
            return switch (this) {
                case DEEP -> ("layers: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8);
                case LAUGHS -> laughs().getBytes(StandardCharsets.UTF_8);
                case NOT_UTF8 -> "description: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
                case HUGE -> ("description: " + "x".repeat(2 * YamlLimits.DEFAULTS.maxBytes()) + "\n").getBytes(StandardCharsets.UTF_8);
                case LONG_VALUE -> ("description: " + "x".repeat(YamlLimits.DEFAULTS.maxScalarChars() + 1) + "\n").getBytes(StandardCharsets.UTF_8);
            };
        }

        private static String laughs() {
            StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (int i = 1; i <= 9; i++) {
                yaml.append("a").append(i).append(": &a").append(i).append(" [")
                        .append(String.join(", ", Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
            }
            return yaml.toString();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run validate(Path path) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "validate", path.toString());
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneLocatedError(Path file, Run run) {
        assertEquals(2, run.code(), run::toString);
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), () -> "one error and its count: " + run.err());
        assertTrue(lines.get(0).matches(java.util.regex.Pattern.quote(file.toString()) + ":[1-9]\\d*:[1-9]\\d*: .+"),
                () -> "located in " + file + ": " + lines.get(0));
        assertEquals("1 error", lines.get(1));
        assertFalse(run.err().contains("Exception") || run.err().contains("Error:") || run.err().contains("\tat "), run::err);
    }

    private static Path write(Path file, String first, byte[] body) throws Exception {
        Files.createDirectories(file.getParent());
        byte[] head = first.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        Files.write(file, all);
        return file;
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void aShowcaseFile(Hostile hostile) throws Exception {
        Path file = write(dir.resolve("showcase.yaml"), "showcase: essai\n", hostile.body());
        assertOneLocatedError(file, validate(file));
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void aSceneFile(Hostile hostile) throws Exception {
        Path file = write(dir.resolve("scenes/salle/scene.yaml"), "transition: 2s\n", hostile.body());
        assertOneLocatedError(file, validate(file));
        assertOneLocatedError(file, validate(file.getParent()));
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void aNodeFile(Hostile hostile) throws Exception {
        Path file = write(dir.resolve("nodes/entree.yaml"), "node: entree\n", hostile.body());
        assertOneLocatedError(file, validate(file));
    }

    @ParameterizedTest
    @EnumSource(value = Hostile.class, names = {"NOT_UTF8", "HUGE"})
    void aScenesShader(Hostile hostile) throws Exception {
        Path scene = Files.createDirectories(dir.resolve("scenes/salle"));
        write(scene.resolve("fond.frag"), "#version 330\n", hostile.body());
        Path file = Files.writeString(scene.resolve("scene.yaml"), "layers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        Run run = validate(file);
        assertOneLocatedError(file, run);
        assertTrue(run.err().startsWith(file + ":2:"), run::err);
        assertTrue(run.err().contains("fond.frag:2:"), () -> "the shader's own line: " + run.err());
    }

    @org.junit.jupiter.api.Test
    void aDevice() {
        Path zero = Path.of("/dev/zero");
        assertOneLocatedError(zero, validate(zero));
    }
}
