package org.liquide.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class FitModeTest {
    private static float[] transform(FitMode mode, int ow, int oh, int iw, int ih) {
        float[] out = new float[4];
        mode.transform(ow, oh, iw, ih, out);
        return out;
    }

    @Test
    void stretchMapsOutputOntoTheWholeImage() {
        assertArrayEquals(new float[]{1, 1, 0, 0}, transform(FitMode.STRETCH, 1280, 720, 640, 640), 1e-6f);
    }

    @Test
    void fillCropsTheSidesOfAWiderImage() {
        // A 2:1 image in a 1:1 output shows its middle half horizontally.
        assertArrayEquals(new float[]{0.5f, 1f, 0.25f, 0f}, transform(FitMode.FILL, 100, 100, 200, 100), 1e-6f);
    }

    @Test
    void fillCropsTopAndBottomOfATallerImage() {
        assertArrayEquals(new float[]{1f, 0.5f, 0f, 0.25f}, transform(FitMode.FILL, 200, 100, 100, 100), 1e-6f);
    }

    @Test
    void fitLetterboxesAWiderImage() {
        // A 2:1 image in a 1:1 output takes the middle half vertically: output y 0.25 → image 0, 0.75 → 1.
        float[] t = transform(FitMode.FIT, 100, 100, 200, 100);
        assertArrayEquals(new float[]{1f, 2f, 0f, -0.5f}, t, 1e-6f);
    }

    @Test
    void fitPillarboxesATallerImage() {
        float[] t = transform(FitMode.FIT, 160, 90, 120, 120);
        float scale = (160f / 90f);
        assertArrayEquals(new float[]{scale, 1f, 0.5f - 0.5f * scale, 0f}, t, 1e-6f);
    }
}
