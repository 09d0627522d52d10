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
                FrameSampling.family(PixelFormat.RGB24), false, false, CompositorProgram.Write.FIXED_FUNCTION, BlendMode.NORMAL));
        for (String unread : new String[]{"u_plane1", "u_plane2", "u_previous", "u_mask", "u_below", "u_yuvToRgb", "u_key"}) {
            assertEquals(-1, plain.program.uniform(unread), unread + " is not read");
        }
        assertTrue(plain.program.uniform("u_current") >= 0);
        assertTrue(plain.program.uniform("u_opacity") >= 0);
    }

    @Test
    void anOpaqueLayerReadsItsImageAndNothingToMixWith() {
        CompositorProgram opaque = CompositorPrograms.current().get(CompositorProgram.variant(
                FrameSampling.family(PixelFormat.RGB24), false, false, CompositorProgram.Write.OPAQUE, BlendMode.NORMAL));
        for (String unread : new String[]{"u_below", "u_opacity", "u_mask", "u_key"}) {
            assertEquals(-1, opaque.program.uniform(unread), unread + " is not read");
        }
    }

    @Test
    void aCrossfadingMaskedYuvLayerBlendedByReadingTheResultReadsAllItNeeds() {
        CompositorProgram full = CompositorPrograms.current().get(CompositorProgram.variant(
                FrameSampling.family(PixelFormat.I420), true, true, CompositorProgram.Write.READS_BELOW, BlendMode.LUMINANCE_KEY));
        for (String read : new String[]{"u_current", "u_plane1", "u_plane2", "u_previous", "u_mask", "u_below", "u_yuvToRgb", "u_key"}) {
            assertTrue(full.program.uniform(read) >= 0, read + " is read");
        }
    }

    @Test
    void everyVariantHasItsOwnIndex() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int family = 0; family < FrameSampling.FAMILIES; family++) {
            for (boolean crossfade : new boolean[]{false, true}) {
                for (boolean masked : new boolean[]{false, true}) {
                    for (CompositorProgram.Write write : CompositorProgram.Write.values()) {
                        for (BlendMode blend : BlendMode.values()) {
                            int variant = CompositorProgram.variant(family, crossfade, masked, write, blend);
                            assertTrue(variant >= 0 && variant < CompositorProgram.VARIANTS);
                            assertTrue(seen.add(variant), "one index per variant");
                        }
                    }
                }
            }
        }
    }

    @Test
    void compositorsOfOneContextShareTheirVariants() {
        int variant = CompositorProgram.variant(FrameSampling.family(PixelFormat.NV12), false, false,
                CompositorProgram.Write.FIXED_FUNCTION, BlendMode.ADD);
        assertSame(CompositorPrograms.current().get(variant), CompositorPrograms.current().get(variant));
        for (PixelFormat format : PixelFormat.values()) {
            int family = FrameSampling.family(format);
            assertTrue(family >= 0 && family < FrameSampling.FAMILIES, format + " has a family");
        }
    }
}
