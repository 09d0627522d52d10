package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ModelsEquivalentCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void countPrintsSdTurbosParametersWithoutWriting() {
        Run run = run("models", "equivalent", "sd-turbo", "--count", "--fp16");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("unet              865,910,724 parameters     1731.8 MB weights"), run.out());
        assertTrue(run.out().contains("text_encoder      340,387,840 parameters"), run.out());
        assertTrue(run.out().contains("total           1,289,952,427 parameters"), run.out());
    }

    @Test
    void aWrittenFolderPassesModelsCheck(@TempDir Path dir) {
        Path folder = dir.resolve("equivalent");
        Run write = run("models", "equivalent", "sd-turbo", "--scale", "10", "--size", "64", "--out", folder.toString());
        assertEquals(0, write.code(), write.err());
        assertTrue(write.out().contains("unet "), write.out());
        assertTrue(Files.isRegularFile(folder.resolve("unet/model.onnx_data")));

        Run check = run("models", "check", folder.toString(), "--size", "64x64", "--threads", "1");
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("1 of 1 models ok"), check.out());

        Run again = run("models", "equivalent", "sd-turbo", "--scale", "10", "--size", "64", "--out", folder.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("exists already"), again.err());
    }

    @Test
    void badSizesAndUnknownArchitecturesExitTwo() {
        Run size = run("models", "equivalent", "sd-turbo", "--count", "--size", "100");
        assertEquals(2, size.code());
        assertTrue(size.err().contains("multiple of 64, got 100"), size.err());
        Run unknown = run("models", "equivalent", "sdxl", "--count");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown architecture sdxl; known: sd-turbo"), unknown.err());
    }
}
