package org.liquide.hardware.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class ChildRunTest {

    @Test
    void aChildThatHangsFailsAtTheDeadlineWithWhatItPrinted() {
        IOException thrown = assertThrows(IOException.class, () -> ChildRun.run(
                new ProcessBuilder("bash", "-c", "echo started; echo on errors >&2; sleep 600"), Duration.ofSeconds(1)));
        assertTrue(thrown.getMessage().contains("still running after 1 s"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("started"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("on errors"), thrown.getMessage());
    }

    @Test
    void moreOutputThanAPipeHoldsDoesNotHoldTheChild() throws Exception {
        // A megabyte: a pipe nobody reads until the child exits holds 64 KiB, then the child waits forever.
        ChildRun run = ChildRun.run(new ProcessBuilder("bash", "-c", "head -c 1048576 /dev/zero | tr '\\0' x; exit 3"),
                Duration.ofSeconds(60));
        assertEquals(3, run.exitCode());
        assertFalse(run.succeeded());
        assertEquals(1048576, run.output().length());
    }

    @Test
    void itsInputIsWrittenAndClosed() throws Exception {
        ChildRun run = ChildRun.run(new ProcessBuilder("cat"), "frames".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
        assertTrue(run.succeeded());
        assertEquals("frames", run.output());
    }
}
