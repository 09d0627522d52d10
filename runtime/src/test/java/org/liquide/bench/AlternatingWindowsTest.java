package org.liquide.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Paired windows alternate which side runs first, and the rows say so as it happened. */
class AlternatingWindowsTest {
    @TempDir
    Path work;

    @Test
    void whichSideRunsFirstAlternatesFromPairToPair() throws Exception {
        List<String> ran = new ArrayList<>();
        AlternatingWindows.Pairs pairs = AlternatingWindows.run(5, () -> {
            ran.add("a");
            return ran.size();
        }, () -> {
            ran.add("b");
            return -ran.size();
        });
        assertEquals(List.of("a", "b", "b", "a", "a", "b", "b", "a", "a", "b"), ran);
        assertArrayEquals(new double[]{1, 4, 5, 8, 9}, pairs.a());
        assertArrayEquals(new double[]{-2, -3, -6, -7, -10}, pairs.b());
        assertEquals("A first in pairs 1, 3, 5, B first in pairs 2, 4", pairs.order("A", "B"));
    }

    @Test
    void theDiffusionRowAlternatesThePipelineAndTheModels() throws Exception {
        BenchConfig config = BenchConfig.tiny(work);
        BenchRow row = GenerationBench.diffusion(config, "diffusion");
        assertTrue(row.ok(), row.failure());
        assertTrue(row.notes().contains("the pipeline first in pairs 1, the models alone first in pairs 2"), row.notes());
    }
}
