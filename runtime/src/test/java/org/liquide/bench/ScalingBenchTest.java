package org.liquide.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --only scaling} runs the scaling table: one row of frame times per configuration. Structure only. */
class ScalingBenchTest {
    @TempDir
    Path work;

    @Test
    void onlyScalingIsAcceptedAndReportsOneRowPerConfiguration() {
        Set<String> only = BenchRunner.select(List.of("scaling"));
        BenchConfig config = BenchConfig.tiny(work);
        BenchReport report = BenchRunner.run(config, only, line -> { });

        List<String> ids = report.rows().stream().map(BenchRow::id).toList();
        assertEquals(List.of("scaling-160x90", "scaling-192x108", "scaling-160x90-layers+1", "scaling-160x90-region",
                "scaling-160x90-generators-1", "scaling-160x90-passthrough", "scaling-160x90-filter",
                "scaling-160x90-displays-1"), ids);
        assertEquals(BenchRunner.rowIds(config, only), ids);
        for (BenchRow row : report.rows()) {
            assertTrue(row.ok(), row.id() + " failed: " + row.failure());
            assertEquals("ms", row.unit(), row.id());
            assertTrue(row.liquide().min() > 0 && row.liquide().isFinite(), row.id() + ": " + row.liquide());
            assertEquals(config.windows(), row.liquide().n(), row.id());
            assertTrue(row.notes().contains("load average"), row.id() + ": " + row.notes());
            if (row.id().equals("scaling-160x90")) {
                assertNull(row.anchor(), "the first base is set against one frame at 60 fps");
            } else {
                // Every other configuration is set against a base scene measured in the same run.
                assertNotNull(row.anchor(), row.id());
                assertTrue(Double.isFinite(row.ratio()), row.id());
            }
        }
        String markdown = report.markdown();
        assertTrue(markdown.contains("- Load average"), markdown);
        assertTrue(markdown.contains("`scaling-160x90-layers+1`: added "), markdown);
    }

    @Test
    void theCommandNamesTheScalingBenchmark() {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "bench", "--help");
        assertEquals(0, code);
        assertTrue(out.toString().contains("scaling"), out.toString());
    }
}
