package org.liquide.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Two measurements taken in pairs of windows, one right after the other, the one that goes first
 * alternating from pair to pair (A then B, B then A, A then B, …): a drift in the machine's load between
 * the two windows of a pair then favours neither side over the run.
 */
final class AlternatingWindows {
    private AlternatingWindows() {
    }

    /** One window of a measurement: its figure (frames per second, ms per call, …). */
    @FunctionalInterface
    interface Window {
        double measure() throws Exception;
    }

    /**
     * The figures of each pair.
     *
     * @param a       side A's figure per pair
     * @param b       side B's figure per pair
     * @param aFirst  per pair, whether A's window ran before B's
     */
    record Pairs(double[] a, double[] b, boolean[] aFirst) {
        /** "A first in pairs 1, 3, B first in pairs 2", named, for a row's notes: what actually ran. */
        String order(String aName, String bName) {
            List<String> aLeads = new ArrayList<>();
            List<String> bLeads = new ArrayList<>();
            for (int i = 0; i < aFirst.length; i++) {
                (aFirst[i] ? aLeads : bLeads).add(String.valueOf(i + 1));
            }
            String text = aName + " first in pairs " + (aLeads.isEmpty() ? "none" : String.join(", ", aLeads));
            return text + ", " + bName + " first in pairs " + (bLeads.isEmpty() ? "none" : String.join(", ", bLeads));
        }
    }

    /** Runs {@code pairs} pairs of windows, A first in the first pair, then alternating. */
    static Pairs run(int pairs, Window a, Window b) throws Exception {
        double[] as = new double[pairs];
        double[] bs = new double[pairs];
        boolean[] aFirst = new boolean[pairs];
        for (int i = 0; i < pairs; i++) {
            aFirst[i] = i % 2 == 0;
            if (aFirst[i]) {
                as[i] = a.measure();
                bs[i] = b.measure();
            } else {
                bs[i] = b.measure();
                as[i] = a.measure();
            }
        }
        return new Pairs(as, bs, aFirst);
    }
}
