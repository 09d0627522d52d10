package org.liquide.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FrameTimesTest {
    @Test
    void nothingIsPublishedBeforeTheWindowEnds() {
        FrameTimes times = new FrameTimes(1.0);
        long t = 0;
        for (int i = 0; i < 50; i++) {
            t += 10_000_000L;
            times.record(t, 2_000_000L);
        }
        assertNull(times.takeSummary(), "half a second of frames in a one-second window");
    }

    @Test
    void percentilesFollowTheDistribution() {
        FrameTimes times = new FrameTimes(1.0);
        long t = 0;
        for (int i = 0; i < 200; i++) {
            t += i % 20 == 19 ? 50_000_000L : 10_000_000L;
            times.record(t, 3_000_000L);
        }
        FrameTimeSummary summary = times.takeSummary();
        assertNotNull(summary);
        assertEquals(10.0, summary.intervalP50Millis(), 0.06);
        assertEquals(50.0, summary.intervalP99Millis(), 0.06);
        assertEquals(50.0, summary.intervalMaxMillis(), 1e-9);
        assertEquals(3.0, summary.workP50Millis(), 0.06);
        assertTrue(summary.framesPerSecond() > 60 && summary.framesPerSecond() < 90, summary.toString());
        assertNull(times.takeSummary(), "a window is handed over once");
    }

    @Test
    void aSlowMachineStillGetsTruePercentiles() {
        FrameTimes times = new FrameTimes(40);
        long t = 0;
        for (int i = 0; i < 100; i++) {
            t += i % 10 == 9 ? 2_000_000_000L : 300_000_000L; // 300 ms frames, one in ten of 2 s
            times.record(t, 290_000_000L);
        }
        FrameTimeSummary summary = times.takeSummary();
        assertNotNull(summary);
        assertEquals(300.0, summary.intervalP50Millis(), 10.01, "a long frame is not lumped with the maximum");
        assertEquals(2000.0, summary.intervalP95Millis(), 10.01);
        assertEquals(2000.0, summary.intervalMaxMillis(), 1e-9);
        assertEquals(290.0, summary.workP50Millis(), 10.01);
    }

    @Test
    void recentIntervalsAreKeptInOrder() {
        FrameTimes times = new FrameTimes(60);
        long t = 0;
        for (int i = 1; i <= 5; i++) {
            t += i * 1_000_000L;
            times.record(t, 0);
        }
        float[] recent = new float[10];
        int count = times.recentIntervalsMillis(recent);
        assertEquals(4, count);
        assertArrayEquals(new float[]{2, 3, 4, 5}, java.util.Arrays.copyOf(recent, 4), 1e-6f);
    }
}
