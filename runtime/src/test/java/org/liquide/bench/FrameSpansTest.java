package org.liquide.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counting frames from an event, on frames of 100 ns (frame i runs from 100 i to 100 i + 90), as the render
 * thread asks: right after the last frame ended.
 */
class FrameSpansTest {
    private final FrameSpans spans = new FrameSpans(8);

    private FrameSpans upTo(int last) {
        for (int i = 0; i <= last; i++) {
            spans.record(i, 100L * i, 100L * i + 90);
        }
        return spans;
    }

    @Test
    void anEventBetweenFramesIsShownByTheNextOneAfterOneFrame() {
        assertEquals(1, upTo(12).endedSince(1195, 12));
        assertEquals(1, upTo(12).waitedFor(1195, 12));
    }

    @Test
    void anEventDuringAFrameThatHadReadItsSourcesWaitsForTheNextOneOnly() {
        // It came 50 ns into frame 11, which showed what was before it; frame 12 shows it.
        assertEquals(2, upTo(12).endedSince(1150, 12));
        assertEquals(1, upTo(12).waitedFor(1150, 12));
    }

    @Test
    void aFrameBegunAfterTheEventThatDidNotShowItCounts() {
        // Shown only by frame 13: frame 12, begun after the event, showed what was before it.
        assertEquals(3, upTo(13).endedSince(1150, 13));
        assertEquals(2, upTo(13).waitedFor(1150, 13));
        assertEquals(2, upTo(13).waitedFor(1195, 13));
    }

    @Test
    void aFrameInProgressThatShowsTheEventIsOneFrame() {
        assertEquals(1, upTo(11).waitedFor(1150, 11));
    }

    @Test
    void onlyTheFramesStillKeptAreCounted() {
        assertEquals(8, upTo(19).endedSince(0, 19));
    }
}
