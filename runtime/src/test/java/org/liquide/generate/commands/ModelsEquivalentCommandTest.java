package org.liquide.generate.commands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ModelsEquivalentCommandTest {
    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void countPrintsSdTurbosParametersWithoutWriting() {
        CommandRun run = run("models", "equivalent", "sd-turbo", "--count", "--fp16");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("unet              865,910,724 parameters     1731.8 MB weights"), run.out());
        assertTrue(run.out().contains("text_encoder      340,387,840 parameters"), run.out());
        assertTrue(run.out().contains("total           1,289,952,427 parameters"), run.out());
    }

    @Test
    void aWrittenFolderPassesModelsCheck(@TempDir Path dir) {
        Path folder = dir.resolve("equivalent");
        CommandRun write = run("models", "equivalent", "sd-turbo", "--scale", "10", "--size", "64", "--out", folder.toString());
        assertEquals(0, write.exitCode(), write.err());
        assertTrue(write.out().contains("unet "), write.out());
        assertTrue(Files.isRegularFile(folder.resolve("unet/model.onnx_data")));

        CommandRun check = run("models", "check", folder.toString(), "--size", "64x64", "--threads", "1");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("1 of 1 models ok"), check.out());

        CommandRun again = run("models", "equivalent", "sd-turbo", "--scale", "10", "--size", "64", "--out", folder.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("exists already"), again.err());
    }

    @Test
    void badSizesAndUnknownArchitecturesExitTwo() {
        CommandRun size = run("models", "equivalent", "sd-turbo", "--count", "--size", "100");
        assertEquals(2, size.exitCode());
        assertTrue(size.err().contains("multiple of 64, got 100"), size.err());
        CommandRun unknown = run("models", "equivalent", "sdxl", "--count");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown architecture sdxl; known: sd-turbo"), unknown.err());
    }
}
