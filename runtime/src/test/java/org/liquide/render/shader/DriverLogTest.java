package org.liquide.render.shader;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DriverLogTest {
    /** 20 lines of Liquide's declarations, then the artist's file from its line 9 (the header ended on line 9). */
    private static final SourceMap MAP = new SourceMap("fluide.fs", 20, 9);

    @Test
    void mesaLinesAndColumnsMapToTheArtistsFile() {
        List<Diagnostic> diagnostics = DriverLog.map("""
                0:24(16): error: `amout' undeclared
                0:25(5): warning: `colour' used uninitialized
                """, MAP, "fragment");
        assertEquals("fluide.fs:12:16: error: `amout' undeclared", diagnostics.get(0).format());
        assertEquals("fluide.fs:13:5: warning: `colour' used uninitialized", diagnostics.get(1).format());
    }

    @Test
    void nvidiaLinesMapToTheArtistsFile() {
        List<Diagnostic> diagnostics = DriverLog.map("""
                0(24) : error C1008: undefined variable "amout"
                0(26) : warning C7050: "colour" might be used before being initialized
                """, MAP, "fragment");
        assertEquals("fluide.fs:12: error: undefined variable \"amout\"", diagnostics.get(0).format());
        assertEquals("fluide.fs:14: warning: \"colour\" might be used before being initialized", diagnostics.get(1).format());
    }

    @Test
    void amdIntelAndAppleLinesMapToTheArtistsFile() {
        List<Diagnostic> diagnostics = DriverLog.map("ERROR: 0:21: 'amout' : undeclared identifier\nERROR: 1 compilation errors.  No code generated.",
                MAP, "fragment");
        assertEquals("fluide.fs:9: error: 'amout' : undeclared identifier", diagnostics.get(0).format());
        assertEquals("fluide.fs: error: fragment: ERROR: 1 compilation errors.  No code generated.", diagnostics.get(1).format());
    }

    @Test
    void errorsInLiquidesOwnLinesSaySo() {
        Diagnostic diagnostic = DriverLog.map("0:3(1): error: syntax error", MAP, "vertex").getFirst();
        assertEquals(0, diagnostic.line());
        assertTrue(diagnostic.message().contains("vertex code Liquide generates (its line 3)"), diagnostic.message());
    }

    @Test
    void anEmptyLogStillReportsAnError() {
        assertEquals(1, DriverLog.map("", MAP, "fragment").size());
    }
}
