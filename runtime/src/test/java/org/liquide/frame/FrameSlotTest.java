package org.liquide.frame;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FrameSlotTest {

    private static SharedFrame filled(FramePool pool, int value, long sequence) {
        SharedFrame frame = pool.acquire();
        frame.frame().reshape(4, 2, 12, PixelFormat.BGR24).put(0, (byte) value);
        frame.frame().setSequence(sequence);
        return frame;
    }

    @Test
    void twoConsumersReadTheOneFrameTheProducerWroteAndItReturnsToThePoolWhenBothMovedOn() {
        FramePool pool = new FramePool(1);
        FrameSlot renderer = new FrameSlot();
        FrameSlot generator = new FrameSlot();

        SharedFrame first = filled(pool, 7, 1);
        renderer.offer(first);
        generator.offer(first);
        first.release();
        VideoFrame seenByRenderer = renderer.takeLatest();
        VideoFrame seenByGenerator = generator.takeLatest();
        assertSame(seenByRenderer, seenByGenerator, "one image, not a copy per consumer");
        assertEquals(7, seenByRenderer.pixels().get(0));
        assertEquals(1, pool.held());

        SharedFrame second = filled(pool, 9, 2);
        assertNotSame(first, second, "a frame consumers still read is never written");
        assertEquals(2, pool.size());
        renderer.offer(second);
        generator.offer(second);
        second.release();
        assertEquals(7, seenByRenderer.pixels().get(0), "what a consumer holds stays as it was");

        assertEquals(9, renderer.takeLatest().pixels().get(0));
        assertEquals(2, pool.held(), "the generator still reads the first frame");
        assertEquals(9, generator.takeLatest().pixels().get(0));
        assertEquals(1, pool.held(), "the first frame is back in the pool");
        assertSame(first, filled(pool, 3, 3), "and is the next one written");
    }

    @Test
    void aFrameNobodyTookIsReplacedCountedAndGivenBack() {
        FramePool pool = new FramePool(2);
        FrameSlot slot = new FrameSlot();
        for (int i = 1; i <= 5; i++) {
            SharedFrame frame = filled(pool, i, i);
            slot.offer(frame);
            frame.release();
        }
        assertEquals(2, pool.size(), "a slot nobody reads holds one frame");
        assertEquals(5, slot.publishedCount());
        assertEquals(4, slot.overwrittenCount());
        VideoFrame latest = slot.takeLatest();
        assertEquals(5, latest.sequence());
        assertNull(slot.takeLatest(), "nothing new");
    }

    @Test
    void aProducerOfItsOwnFillsTheSlotsFramesAndTheConsumerKeepsItsFrameUntilItTakesAnother() {
        FrameSlot slot = new FrameSlot();
        VideoFrame written = slot.writable();
        assertSame(written, slot.writable(), "the same frame until it is published");
        written.reshape(2, 2, 6, PixelFormat.RGB24).put(0, (byte) 1);
        slot.publish();
        VideoFrame taken = slot.takeLatest();
        assertSame(written, taken);
        for (int i = 2; i < 10; i++) {
            VideoFrame next = slot.writable();
            assertNotSame(taken, next, "the producer never writes the frame the consumer reads");
            next.reshape(2, 2, 6, PixelFormat.RGB24).put(0, (byte) i);
            slot.publish();
        }
        assertEquals(1, taken.pixels().get(0));
        assertEquals(9, slot.takeLatest().pixels().get(0));
        slot.free();
    }

    @Test
    void freeingTheSlotGivesBackWhatItHeldAndAClosedPoolFreesEachFrameAtItsLastRelease() {
        FramePool pool = new FramePool(1);
        FrameSlot slot = new FrameSlot();
        SharedFrame frame = filled(pool, 1, 1);
        slot.offer(frame);
        frame.release();
        slot.takeLatest();
        pool.close();
        assertFalse(frame.frame().isEmpty(), "a frame a consumer reads is not freed under it");
        slot.free();
        assertTrue(frame.frame().isEmpty(), "freed with its last reference");
        assertEquals(0, pool.held());
    }
}
