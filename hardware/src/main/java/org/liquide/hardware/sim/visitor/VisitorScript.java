package org.liquide.hardware.sim.visitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Who is in front of the sensors when: a fixed list of visitors, or an endless seeded random stream. */
public interface VisitorScript {
    /** The visitors not absent at {@code millis} from the start. */
    List<Visitor> presentAt(long millis);

    static VisitorScript of(List<Visitor> visitors) {
        List<Visitor> all = List.copyOf(visitors);
        return millis -> all.stream().filter(v -> v.phaseAt(millis) != Visitor.Phase.ABSENT).toList();
    }

    static VisitorScript of(Visitor... visitors) {
        return of(List.of(visitors));
    }

    /**
     * An endless stream of visitors, the same for the same seed: one to three per {@value RandomScript#WINDOW_MILLIS}
     * ms window, each approaching within 0.3 to 1.2 m, lingering 4 to 15 s, touching an electrode, standing on the
     * pad or pressing the foot switch with some probability. The first visitor walks in within
     * {@value RandomScript#OPENING_MILLIS} ms of the start, so a demo or a rehearsal does not open on an empty room.
     */
    static VisitorScript random(long seed) {
        return new RandomScript(seed);
    }

    /** Generates each window's visitors from the seed and the window's index, so any instant is cheap to query. */
    final class RandomScript implements VisitorScript {
        static final long WINDOW_MILLIS = 30_000;
        static final long OPENING_MILLIS = 1_500;
        /** The longest visit, so that visitors of earlier windows still present are found. */
        private static final long LONGEST_VISIT_MILLIS = 5_000 + 15_000 + 4_000;

        private final long seed;

        RandomScript(long seed) {
            this.seed = seed;
        }

        @Override
        public List<Visitor> presentAt(long millis) {
            var present = new ArrayList<Visitor>();
            long last = Math.floorDiv(millis, WINDOW_MILLIS);
            long first = Math.floorDiv(millis - LONGEST_VISIT_MILLIS, WINDOW_MILLIS);
            for (long window = Math.max(0, first); window <= last; window++) {
                for (Visitor visitor : visitorsOf(window)) {
                    if (visitor.phaseAt(millis) != Visitor.Phase.ABSENT) {
                        present.add(visitor);
                    }
                }
            }
            present.sort(Comparator.comparingLong(Visitor::arrivesAtMillis));
            return present;
        }

        List<Visitor> visitorsOf(long window) {
            Random random = new Random(seed * 0x9E3779B97F4A7C15L + window);
            int count = 1 + random.nextInt(3);
            var visitors = new ArrayList<Visitor>(count);
            for (int i = 0; i < count; i++) {
                long offset = random.nextLong(WINDOW_MILLIS);
                long arrives = window * WINDOW_MILLIS + (window == 0 && i == 0 ? offset % OPENING_MILLIS : offset);
                visitors.add(new Visitor(arrives,
                        2_000 + random.nextLong(3_000),
                        4_000 + random.nextLong(11_000),
                        2_000 + random.nextLong(2_000),
                        300 + random.nextInt(900),
                        random.nextDouble() < 0.6 ? random.nextInt(12) : -1,
                        random.nextDouble() < 0.5,
                        random.nextDouble() < 0.4));
            }
            return visitors;
        }
    }
}
