package org.liquide.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Files that would overflow, exhaust or stall the reader are refused with one error at the place they pass a bound. */
class YamlDocumentLimitsTest {
    @TempDir
    Path dir;

    private List<ConfigError> read(Path file) {
        Problems problems = new Problems(file.toString());
        assertTrue(YamlDocument.read(file, problems, "settings").isEmpty(), "refused");
        return problems.inFileOrder();
    }

    private static ConfigError single(List<ConfigError> errors) {
        assertEquals(1, errors.size(), () -> "one error: " + errors);
        return errors.getFirst();
    }

    @Test
    void deepNestingIsRefusedAtTheBracketThatPassesTheBound() throws Exception {
        Path file = dir.resolve("deep.yaml");
        Files.writeString(file, "layers:\n  - " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        ConfigError error = single(read(file));
        int depth = YamlLimits.DEFAULTS.maxDepth();
        // the root map and the layers list are two levels: the bracket at column 5 is the third
        assertEquals(new ConfigError(file.toString(), 2, 5 + depth - 2, error.message()), error);
        assertTrue(error.message().contains("nested deeper than " + depth + " levels"), error.message());
    }

    @Test
    void aBillionLaughsIsRefusedAtTheAliasThatPassesTheBound() throws Exception {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        Path file = dir.resolve("laughs.yaml");
        Files.writeString(file, yaml);
        ConfigError error = single(read(file));
        int limit = YamlLimits.DEFAULTS.maxAliases();
        int line = 2 + limit / 9; // the limit+1th alias: nine aliases a line from line 2
        int column = "a1: &a1 [".length() + 1 + (limit % 9) * "*a0, ".length();
        assertEquals(line, error.line(), error::toString);
        assertEquals(column, error.column(), error::toString);
        assertTrue(error.message().contains("more than " + limit + " aliases"), error.message());
    }

    @Test
    void invalidUtf8IsRefusedAtTheBadByte() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "showcase: essai\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigError error = single(read(file));
        assertEquals(new ConfigError(file.toString(), 2, 10, "not UTF-8 text (byte 0xE9): save the file as UTF-8"), error);
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        ConfigError error = single(read(zero));
        assertEquals(new ConfigError("/dev/zero", 1, 1, "not a regular file (a folder, a device or a pipe): expected a text file"), error);
    }

    @Test
    void aFileOverTheSizeBoundIsRefusedWhereItPassesIt() throws Exception {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, "prompt: " + "x".repeat(50 * 1024 * 1024) + "\n");
        ConfigError error = single(read(file));
        assertEquals(new ConfigError(file.toString(), 1, YamlLimits.DEFAULTS.maxBytes() + 1,
                "the file is larger than 1 MiB: expected a text file of a few kilobytes"), error);
    }

    @Test
    void aValueOverTheLengthBoundIsRefusedAtItsStart() throws Exception {
        Path file = dir.resolve("long.yaml");
        Files.writeString(file, "showcase: essai\nprompt: " + "x".repeat(YamlLimits.DEFAULTS.maxScalarChars() + 1) + "\n");
        ConfigError error = single(read(file));
        assertEquals(2, error.line());
        assertEquals(9, error.column());
        assertTrue(error.message().contains("a value longer than " + YamlLimits.DEFAULTS.maxScalarChars() + " characters"), error.message());
    }

    @Test
    void textInMemoryHasTheSameBounds() {
        Problems problems = new Problems("scene.yaml");
        assertTrue(YamlDocument.parse("a: " + "[".repeat(20_000), problems, "settings").isEmpty());
        ConfigError error = single(problems.inFileOrder());
        assertTrue(error.message().contains("nested deeper than"), error::toString);
    }

    @Test
    void anOrdinaryFileWithAnchorsAndNestingStillReads() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "base: &base {size: 160x90, fps: 30}\nlayers:\n  - {name: a, style: *base, inner: [[1, 2], [3, [4]]]}\n  - {name: b, style: *base}\n");
        Problems problems = new Problems(file.toString());
        assertTrue(YamlDocument.read(file, problems, "settings").isPresent(), () -> problems.inFileOrder().toString());
        assertFalse(problems.any());
    }
}
