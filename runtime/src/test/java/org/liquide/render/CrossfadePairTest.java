package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.render.gl.Texture2D;
import org.liquide.render.layer.CrossfadePair;
import org.liquide.testing.OffscreenGl;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(OffscreenGl.class)
class CrossfadePairTest {
    private static final long MS = 1_000_000L;

    @Test
    void eachNewImageGoesIntoTheOlderTextureAndFadesInOverTheIntervalBetweenImages() {
        try (CrossfadePair pair = new CrossfadePair()) {
            Texture2D first = pair.nextTarget();
            pair.commit(0);
            assertSame(first, pair.current());
            assertEquals(1f, pair.crossfade(0), "a single image shows at once");

            Texture2D second = pair.nextTarget();
            assertNotSame(first, second);
            pair.commit(100 * MS);
            assertSame(second, pair.current());
            assertSame(first, pair.previous());
            assertEquals(0f, pair.crossfade(100 * MS), 1e-6f);
            assertEquals(0.5f, pair.crossfade(150 * MS), 1e-3f, "halfway through a 100 ms interval");
            assertEquals(1f, pair.crossfade(200 * MS), 1e-6f);

            assertSame(first, pair.nextTarget(), "the older texture is reused");
            pair.commit(200 * MS);
            assertSame(first, pair.current());
            assertSame(second, pair.previous());
        }
    }

    @Test
    void slowSourcesFadeForAtMostHalfASecond() {
        try (CrossfadePair pair = new CrossfadePair()) {
            pair.commit(0);
            pair.commit(3_000 * MS);
            assertEquals(1f, pair.crossfade(3_500 * MS), 1e-6f);
            assertEquals(0.5f, pair.crossfade(3_250 * MS), 1e-3f);
        }
    }
}
