package org.liquide.bench;

import org.junit.jupiter.api.Test;
import org.liquide.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BenchFormatTest {

    @Test
    void statsTakeTheMedianAndTheSpread() {
        Stats stats = Stats.of(5, 1, 3, 2, 4);
        assertEquals(3, stats.median());
        assertEquals(1, stats.min());
        assertEquals(5, stats.max());
        assertEquals(2, stats.q1());
        assertEquals(4, stats.q3());
        assertEquals(5, stats.n());
        assertEquals(2.5, Stats.of(1, 2, 3, 4).median());
        assertEquals("3.00 fps (1.00–5.00, n=5)", stats.format("fps"));
        assertEquals("7.00 ms (n=1)", Stats.of(7).format("ms"));
        assertEquals(9.5, Stats.percentile(new double[]{10, 0, 5, 9, 1, 2, 3, 4, 6, 7, 8}, 0.95), 1e-9);
    }

    @Test
    void numbersKeepAboutThreeFigures() {
        assertEquals("1234", Stats.number(1234.4));
        assertEquals("12.3", Stats.number(12.34));
        assertEquals("1.23", Stats.number(1.234));
        assertEquals("0.123", Stats.number(0.1234));
        assertEquals("0", Stats.number(0));
    }

    @Test
    void ratiosAreAgainstTheMeasuredAnchorOrTheGoal() {
        BenchRow measured = BenchRow.measured("a", "A", "fps", Stats.of(20), "anchor", Stats.of(10), "higher", "");
        assertEquals(2, measured.ratio());
        assertEquals("2.00×", measured.ratioCell());
        BenchRow goal = BenchRow.againstGoal("b", "B", "ms", Stats.of(8), "budget", 16, "16 ms", "lower", "");
        assertEquals(0.5, goal.ratio());
        BenchRow none = BenchRow.againstGoal("c", "C", "fps", Stats.of(8), "ffmpeg", Double.NaN, "not installed", "higher", "");
        assertEquals("—", none.ratioCell());
        assertEquals("not installed", none.anchorCell());
        BenchRow failed = BenchRow.failed("d", "D", "it broke");
        assertFalse(failed.ok());
        assertTrue(failed.liquideCell().contains("it broke"));
    }

    @Test
    void theReportEscapesPipesAndListsFailures() {
        BenchConfig config = BenchConfig.tiny(Path.of("unused"));
        MachineInfo machine = new MachineInfo("cpu", 2, "1 GiB", "llvmpipe", "java", "ZGC", "linux", "none", "today");
        BenchReport report = new BenchReport(config, machine, List.of(
                BenchRow.measured("a", "x | y", "fps", Stats.of(1, 2), "z", Stats.of(1, 1), "higher", "n"),
                BenchRow.failed("b", "B", "broken")), 3, "0.1 → 0.2");
        String markdown = report.markdown();
        assertTrue(markdown.contains("x \\| y"), markdown);
        assertTrue(markdown.contains("`b`: failed: broken"), markdown);
        assertFalse(report.allOk());
    }

    @Test
    void theCommandRejectsAnUnknownBenchmark() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "bench", "--only", "nonsense");
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown benchmark"), err.toString());
    }

    @Test
    void theCommandHasHelp() {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "bench", "--help");
        assertEquals(0, code);
        assertTrue(out.toString().contains("--quick"), out.toString());
        assertTrue(out.toString().contains("--output"), out.toString());
    }
}
