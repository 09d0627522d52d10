package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.frame.PixelFormat;
import org.liquide.testing.OffscreenGl;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A variant samples only what its draw needs: what it does not read, the driver drops (its location is -1),
 * so a software rasteriser, which runs every branch, does not fetch it either.
 */
@ExtendWith(OffscreenGl.class)
class CompositorProgramTest {

    @Test
    void anRgbLayerDrawnInPlaceWithoutCrossfadeOrMaskReadsOneImageOnly() {
        CompositorProgram plain = CompositorPrograms.current().get(CompositorProgram.variant(
                FrameSampling.family(PixelFormat.RGB24), false, true, false));
        for (String unread : new String[]{"u_plane1", "u_plane2", "u_previous", "u_mask", "u_below", "u_yuvToRgb"}) {
            assertEquals(-1, plain.program.uniform(unread), unread + " is not read");
        }
        assertTrue(plain.program.uniform("u_current") >= 0);
    }

    @Test
    void aCrossfadingMaskedYuvLayerBlendedByReadingTheResultReadsAllItNeeds() {
        CompositorProgram full = CompositorPrograms.current().get(CompositorProgram.variant(
                FrameSampling.family(PixelFormat.I420), true, false, true));
        for (String read : new String[]{"u_current", "u_plane1", "u_plane2", "u_previous", "u_mask", "u_below", "u_yuvToRgb"}) {
            assertTrue(full.program.uniform(read) >= 0, read + " is read");
        }
    }

    @Test
    void compositorsOfOneContextShareTheirVariants() {
        int variant = CompositorProgram.variant(FrameSampling.family(PixelFormat.NV12), false, true, false);
        assertSame(CompositorPrograms.current().get(variant), CompositorPrograms.current().get(variant));
        for (PixelFormat format : PixelFormat.values()) {
            int family = FrameSampling.family(format);
            assertTrue(family >= 0 && family < FrameSampling.FAMILIES, format + " has a family");
        }
    }
}
