package org.liquide.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sound latency row in its tiny configuration: onsets of a looped file reach the screen, each after its sound. */
class SoundLatencyBenchTest {
    @TempDir
    Path work;

    @Test
    void onsetsReachTheCompositedFrameAndAreMeasuredAgainstTheGoal() {
        List<BenchRow> rows = SoundLatencyBench.run(BenchConfig.tiny(work), Path.of("../scenes/_shaders/soft-glow.fs"), line -> { });
        assertEquals(1, rows.size());
        BenchRow row = rows.getFirst();
        assertNull(row.failure(), row.failure());
        assertEquals(SoundLatencyBench.SOUND, row.id());
        assertEquals("ms", row.unit());
        assertTrue(row.liquide().n() >= 1, "at least one onset measured: " + row.liquide());
        assertTrue(row.liquide().min() > 0, "a frame shows an onset only after the sound began: " + row.liquide());
        assertEquals(SoundLatencyBench.GOAL_MILLIS, row.goal());
        assertTrue(row.notes().contains("onsets 1 s apart"), row.notes());
    }
}
