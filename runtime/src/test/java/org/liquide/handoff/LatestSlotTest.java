package org.liquide.handoff;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class LatestSlotTest {
    static final class Box {
        long value;
    }

    @Test
    void consumerSeesNothingUntilSomethingIsPublished() {
        LatestSlot<Box> slot = new LatestSlot<>(Box::new);
        assertNull(slot.takeLatest());
        slot.writable().value = 7;
        slot.publish();
        assertEquals(7, slot.takeLatest().value);
        assertNull(slot.takeLatest(), "a value is taken once");
    }

    @Test
    void latestWinsAndSkippedValuesAreCounted() {
        LatestSlot<Box> slot = new LatestSlot<>(Box::new);
        for (int i = 1; i <= 5; i++) {
            slot.writable().value = i;
            slot.publish();
        }
        assertEquals(5, slot.takeLatest().value);
        assertEquals(5, slot.publishedCount());
        assertEquals(4, slot.overwrittenCount());
    }

    @Test
    void takenValueIsNotOverwrittenWhileTheConsumerHoldsIt() {
        LatestSlot<Box> slot = new LatestSlot<>(Box::new);
        slot.writable().value = 1;
        slot.publish();
        Box held = slot.takeLatest();
        for (int i = 2; i < 10; i++) {
            Box writable = slot.writable();
            assertNotSame(held, writable);
            writable.value = i;
            slot.publish();
        }
        assertEquals(1, held.value);
        assertEquals(9, slot.takeLatest().value);
    }

    @Test
    void concurrentProducerNeverTearsAValueAndConsumerSeesIncreasingValues() throws Exception {
        LatestSlot<long[]> slot = new LatestSlot<>(() -> new long[64]);
        long total = 200_000;
        AtomicLong failures = new AtomicLong();
        Thread producer = new Thread(() -> {
            for (long i = 1; i <= total; i++) {
                long[] v = slot.writable();
                java.util.Arrays.fill(v, i);
                slot.publish();
            }
        });
        producer.start();
        long last = 0;
        while (last < total) {
            long[] v = slot.takeLatest();
            if (v == null) {
                Thread.onSpinWait();
                continue;
            }
            long first = v[0];
            for (long x : v) {
                if (x != first) {
                    failures.incrementAndGet();
                }
            }
            if (first <= last) {
                failures.incrementAndGet();
            }
            last = first;
        }
        producer.join();
        assertEquals(0, failures.get(), "torn or out-of-order values");
    }
}
