package org.liquide.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The rectangle a layer's image covers and the image coordinates across it, checked against the layout by hand. */
class LayerQuadTest {
    private static final float[] WHOLE = {0, 0, 1, 1};
    private final LayerQuad placed = new LayerQuad();

    @Test
    void aStretchedImageCoversItsRegionCornerToCorner() {
        assertTrue(placed.place(WHOLE, FitMode.STRETCH, false, false, 100, 50, 160, 90));
        assertArrayEquals(new float[]{0, 0, 1, 1}, placed.quad, 1e-6f);
        assertArrayEquals(new float[]{0, 0, 1, 1}, placed.image, 1e-6f);
        assertEquals(0, placed.pixelX);
        assertEquals(160, placed.pixelWidth);
        assertEquals(90, placed.pixelHeight);
    }

    @Test
    void aSquareImageFittedInAWideOutputShowsInTheMiddleWithBarsBeside() {
        // 90x90 of a 160x90 output: from x 35 to 125.
        assertTrue(placed.place(WHOLE, FitMode.FIT, false, false, 120, 120, 160, 90));
        assertArrayEquals(new float[]{35 / 160f, 0, 125 / 160f, 1}, placed.quad, 1e-5f);
        assertArrayEquals(new float[]{0, 0, 1, 1}, placed.image, 1e-5f);
        assertEquals(35, placed.pixelX);
        assertEquals(90, placed.pixelWidth);
    }

    @Test
    void aSquareImageFillingAWideOutputShowsItsMiddleRowsOverTheWholeOutput() {
        assertTrue(placed.place(WHOLE, FitMode.FILL, false, false, 120, 120, 160, 90));
        assertArrayEquals(new float[]{0, 0, 1, 1}, placed.quad, 1e-5f);
        float shown = 90 / 160f;
        assertArrayEquals(new float[]{0, (1 - shown) / 2, 1, (1 + shown) / 2}, placed.image, 1e-5f);
    }

    @Test
    void mirroredTheImageRunsRightToLeftAndTopRowFirstItRunsDown() {
        assertTrue(placed.place(WHOLE, FitMode.STRETCH, true, true, 100, 50, 160, 90));
        assertArrayEquals(new float[]{0, 0, 1, 1}, placed.quad, 1e-6f);
        assertArrayEquals(new float[]{1, 1, 0, 0}, placed.image, 1e-6f);
    }

    @Test
    void aRegionIsMeasuredFromTheTopLeftAndTheQuadFromTheBottomLeft() {
        // The top right quarter of a 160x90 output, y down: x 80..160, y 0..45, which is y 45..90 from the bottom.
        assertTrue(placed.place(new float[]{0.5f, 0f, 1f, 0.5f}, FitMode.FIT, false, false, 120, 120, 160, 90));
        // A 45x45 square centred in the 80x45 region: x 97.5..142.5.
        assertArrayEquals(new float[]{97.5f / 160, 0.5f, 142.5f / 160, 1}, placed.quad, 1e-5f);
        assertEquals(97, placed.pixelX);
        assertEquals(45, placed.pixelY);
        assertEquals(46, placed.pixelWidth);
        assertEquals(45, placed.pixelHeight);
    }

    @Test
    void anImageAtTheOutputsOwnSizeIsDrawnTexelForTexelMirroredOrNot() {
        assertTrue(placed.place(WHOLE, FitMode.FILL, false, false, 160, 90, 160, 90));
        assertTrue(placed.texelForTexel);
        assertTrue(placed.place(WHOLE, FitMode.FIT, true, true, 160, 90, 160, 90));
        assertTrue(placed.texelForTexel);
        // A quarter-size image in a quarter region, on whole pixels (x 40..120, y 0..45).
        assertTrue(placed.place(new float[]{0.25f, 0f, 0.75f, 0.5f}, FitMode.STRETCH, false, false, 80, 45, 160, 90));
        assertTrue(placed.texelForTexel);
    }

    @Test
    void aScaledOrHalfPixelPlacedImageIsFiltered() {
        assertTrue(placed.place(WHOLE, FitMode.FIT, false, false, 120, 120, 160, 90));
        assertFalse(placed.texelForTexel, "scaled from 120 to 90");
        assertTrue(placed.place(WHOLE, FitMode.FILL, false, false, 161, 90, 160, 90));
        assertFalse(placed.texelForTexel, "one texel wider than the output: cropped by half a texel each side");
        assertTrue(placed.place(new float[]{0.5f / 160, 0, 1, 1}, FitMode.STRETCH, false, false, 159, 90, 160, 90));
        assertFalse(placed.texelForTexel, "half a pixel off");
    }

    @Test
    void nothingShowsOfAnEmptyRegion() {
        assertFalse(placed.place(new float[]{0.5f, 0.5f, 0.5f, 1f}, FitMode.FILL, false, false, 10, 10, 160, 90));
    }

    @Test
    void overPartOfItsRectangleAnImageKeepsTheSameMappingAndItsOwnCoordinatesAtItsEdges() {
        assertTrue(placed.place(new float[]{0.25f, 0.25f, 0.75f, 0.75f}, FitMode.STRETCH, true, true, 80, 45, 160, 90));
        float[] part = new float[4];
        placed.imageAt(placed.quad[0], placed.quad[1], placed.quad[2], placed.quad[3], part);
        assertArrayEquals(placed.image, part, 0f);
        // The left half of the rectangle, mirrored: from the image's right edge to its middle.
        placed.imageAt(0.25f, 0.25f, 0.5f, 0.75f, part);
        assertArrayEquals(new float[]{1, 1, 0.5f, 0}, part, 1e-6f);
    }
}
