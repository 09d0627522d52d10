package org.liquide.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every benchmark runs in its tiny configuration and reports its rows with numbers. Structure only:
 * no figure is judged here (benchmarks are not tests, and this machine's speed is nobody's contract).
 */
class BenchRunnerTest {
    @TempDir
    static Path work;

    private static BenchConfig config;
    private static BenchReport report;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void runEverything() {
        config = BenchConfig.tiny(work);
        report = BenchRunner.run(config, Set.of(), line -> {
            synchronized (progress) {
                progress.add(line);
            }
        });
    }

    @Test
    void everyBenchmarkReportsItsRowsInOrder() {
        List<String> ids = report.rows().stream().map(BenchRow::id).toList();
        assertEquals(BenchRunner.rowIds(config, Set.of()), ids);
        assertEquals(List.of("compositor-160x90", "compositor-192x108", "ingest-upload", "ingest-uploaded", "ingest-decode",
                "render-bytes-per-frame", "gc-longest-pause", "render-longest-frame", "cppn-32", "cppn-64",
                "session-vs-ort-32", "session-vs-ort-64", "diffusion-outside-models", "latency-camera", "latency-sensor", "latency-sound", "look-detail", "look-change", "look-silhouette",
                "scaling-160x90", "scaling-192x108", "scaling-160x90-layers+1", "scaling-160x90-region",
                "scaling-160x90-generators-1", "scaling-160x90-passthrough", "scaling-160x90-filter",
                "scaling-160x90-displays-1"), ids);
    }

    @Test
    void everyRowHasNumbersAndAnAnchor() {
        for (BenchRow row : report.rows()) {
            assertNull(row.failure(), row.id() + " failed: " + row.failure());
            assertTrue(row.ok(), row.id());
            Stats liquide = row.liquide();
            assertTrue(liquide.isFinite(), row.id() + ": " + liquide);
            assertTrue(liquide.n() >= 1, row.id());
            assertTrue(liquide.min() <= liquide.median() && liquide.median() <= liquide.max(), row.id() + ": " + liquide);
            assertFalse(row.measure().isBlank(), row.id());
            assertFalse(row.unit().isBlank(), row.id());
            assertFalse(row.anchorName().isBlank(), row.id());
            assertFalse(row.reading().isBlank(), row.id());
            if (row.anchor() != null) {
                assertTrue(row.anchor().isFinite(), row.id() + " anchor: " + row.anchor());
                assertTrue(Double.isFinite(row.ratio()), row.id());
            } else {
                assertFalse(row.anchorText().isBlank(), row.id() + " has neither a measured anchor nor a text");
            }
        }
    }

    @Test
    void throughputsArePositiveAndCountsAreNotNegative() {
        for (BenchRow row : report.rows()) {
            switch (row.unit()) {
                case "fps", "images/s", "frames" -> assertTrue(row.liquide().min() > 0, row.id() + ": " + row.liquide());
                case "levels" -> assertTrue(row.liquide().min() >= 0, row.id() + ": " + row.liquide());
                case "B/frame", "ms" -> {
                    if (!row.id().equals(GenerationBench.DIFFUSION)) {
                        // Outside-the-models time is a difference of two timings and may dip below 0 at tiny sizes.
                        assertTrue(row.liquide().min() >= 0, row.id() + ": " + row.liquide());
                    }
                }
                default -> fail(row.id() + ": unexpected unit " + row.unit());
            }
        }
    }

    @Test
    void theIngestAnchorIsFfmpegOrSaysItIsMissing() {
        boolean installed = FfmpegCli.find().isPresent();
        for (BenchRow row : report.rows()) {
            if (row.id().equals(IngestBench.UPLOADED)) {
                // What the screen gets is set against a camera's frame rate, ffmpeg or not.
                assertEquals(BenchVideos.FPS, row.goal(), row.id());
            } else if (row.id().startsWith("ingest-")) {
                if (installed) {
                    assertNotNull(row.anchor(), row.id() + ": " + row.anchorText());
                } else {
                    assertTrue(row.anchorText().contains("not installed"), row.anchorText());
                }
            }
        }
    }

    @Test
    void theMarkdownHasTheMachineAndOneLinePerRow() {
        String markdown = report.markdown();
        assertTrue(markdown.contains("- CPU: "), markdown);
        assertTrue(markdown.contains("- GL renderer: "), markdown);
        assertTrue(markdown.contains("- Java: "), markdown);
        assertTrue(markdown.contains("- Date: "), markdown);
        assertTrue(markdown.contains("| # | Measure | Liquide | Anchor | Anchor figure | Liquide ÷ anchor | Reading |"));
        long tableRows = markdown.lines().filter(line -> line.matches("\\| \\d+ \\|.*")).count();
        assertEquals(report.rows().size(), tableRows);
        for (BenchRow row : report.rows()) {
            assertTrue(markdown.contains("`" + row.id() + "`"), row.id());
        }
        assertTrue(report.allOk());
        assertFalse(progress.isEmpty());
    }
}
