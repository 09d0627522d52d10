package org.liquide.signal;

import org.junit.jupiter.api.Test;
import org.liquide.signal.filter.*;

import static org.junit.jupiter.api.Assertions.*;

class SignalFiltersTest {
    private static double[] run(SignalFilter filter, double dt, double... inputs) {
        double[] out = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = filter.apply(inputs[i], i == 0 ? 0 : dt);
        }
        return out;
    }

    @Test
    void oneEuroFollowsThePapersDefinition() {
        // Reference values from the algorithm of Casiez, Roussel and Vogel (CHI 2012), computed
        // independently: min cutoff 1 Hz, beta 0.05, derivative cutoff 1 Hz, samples every 20 ms.
        double[] expected = {0.0, 0.0, 3.226658015713, 5.955667319630, 7.695948421933, 9.655707992330,
                21.764027883393, 26.843155953182, 28.143764556316, 29.840631346482};
        double[] actual = run(new OneEuroFilter(1.0, 0.05, 1.0), 0.02, 0, 0, 10, 10, 10, 12, 30, 30, 29, 31);
        assertArrayEquals(expected, actual, 1e-9);
    }

    @Test
    void oneEuroIsSteadyAtRestAndFollowsFastMoves() {
        OneEuroFilter steady = new OneEuroFilter(0.5, 0.0, 1.0);
        double last = 0;
        for (int i = 0; i < 50; i++) {
            last = steady.apply(i % 2 == 0 ? 1.0 : -1.0, 0.016);
        }
        assertTrue(Math.abs(last) < 0.1, "jitter of ±1 is smoothed away: " + last);
        OneEuroFilter fast = new OneEuroFilter(0.5, 1.0, 1.0);
        OneEuroFilter slow = new OneEuroFilter(0.5, 0.0, 1.0);
        double a = 0;
        double b = 0;
        for (int i = 0; i < 10; i++) {
            a = fast.apply(i * 100.0, 0.016);
            b = slow.apply(i * 100.0, 0.016);
        }
        assertTrue(a > b * 2, "a higher beta lags less on a fast move: " + a + " vs " + b);
    }

    @Test
    void exponentialSmoothingCovers63PercentOfAStepInOneTimeConstant() {
        ExponentialSmoothing smoothing = new ExponentialSmoothing(0.5);
        smoothing.apply(0, 0);
        double value = 0;
        for (int i = 0; i < 50; i++) {
            value = smoothing.apply(1, 0.01);
        }
        assertEquals(1 - Math.exp(-1), value, 1e-9);
    }

    @Test
    void medianRemovesSpikes() {
        double[] out = run(new MedianFilter(5), 0.1, 500, 510, 505, 4000, 508, 502, 0, 506);
        assertEquals(508, out[4], 1e-9, "median of 500, 510, 505, 4000, 508: the spike is gone");
        assertEquals(506, out[7], 1e-9, "median of 4000, 508, 502, 0, 506");
        assertEquals(505, run(new MedianFilter(4), 0, 500, 510)[1], 1e-9, "even count: mean of the middle two");
    }

    @Test
    void hysteresisNeedsToCrossBothThresholds() {
        double[] out = run(new HysteresisThreshold(0.3, 0.7), 0, 0.5, 0.8, 0.5, 0.4, 0.2, 0.5, 0.69, 0.71);
        assertArrayEquals(new double[]{0, 1, 1, 1, 0, 0, 0, 1}, out, 0);
    }

    @Test
    void holdKeepsAPeakForItsTime() {
        HoldFilter hold = new HoldFilter(1.0);
        assertEquals(1, hold.apply(1, 0));
        assertEquals(1, hold.apply(0, 0.5));
        assertEquals(1, hold.apply(0, 0.4));
        assertEquals(0, hold.apply(0, 0.2), "after 1.1 s the value is followed again");
    }

    @Test
    void remapClampsAndShapes() {
        RangeRemap distance = new RangeRemap(300, 2500, 1, 0, Curve.LINEAR, 1);
        assertEquals(1, distance.apply(100, 0), 1e-12);
        assertEquals(0, distance.apply(4000, 0), 1e-12);
        assertEquals(0.5, distance.apply(1400, 0), 1e-12);
        assertEquals(0.5, new RangeRemap(0, 1, 0, 1, Curve.SMOOTH, 1).apply(0.5, 0), 1e-12);
        assertEquals(0.25, new RangeRemap(0, 1, 0, 1, Curve.EASE_IN, 1).apply(0.5, 0), 1e-12);
        assertEquals(0.75, new RangeRemap(0, 1, 0, 1, Curve.EASE_OUT, 1).apply(0.5, 0), 1e-12);
        assertEquals(0.125, new RangeRemap(0, 1, 0, 1, Curve.GAMMA, 3).apply(0.5, 0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new RangeRemap(1, 1, 0, 1, Curve.LINEAR, 1));
    }

    @Test
    void clampDeadZoneAndInvert() {
        assertArrayEquals(new double[]{0, 0.5, 1}, run(new Clamp(0, 1), 0, -2, 0.5, 7), 0);
        assertArrayEquals(new double[]{0.5, 0.5, 0.7}, run(new DeadZone(0.5, 0.05), 0, 0.53, 0.46, 0.7), 1e-12);
        assertArrayEquals(new double[]{1, 0.75, 0}, run(new Invert(0, 1), 0, 0, 0.25, 1), 1e-12);
    }

    @Test
    void triggersFireOncePerCrossing() {
        assertArrayEquals(new double[]{0, 1, 0, 0, 0, 1}, run(new ChangeTrigger(ChangeTrigger.Mode.RISING, 0.5), 0,
                0, 0.8, 0.9, 0.2, 0.3, 0.6), 0);
        assertArrayEquals(new double[]{0, 0, 0, 1, 0}, run(new ChangeTrigger(ChangeTrigger.Mode.FALLING, 0.5), 0,
                0.8, 0.9, 0.6, 0.4, 0.1), 0);
        assertArrayEquals(new double[]{0, 0, 1, 0, 1}, run(new ChangeTrigger(ChangeTrigger.Mode.CHANGE, 10), 0,
                100, 105, 111, 115, 99), 0);
    }
}
