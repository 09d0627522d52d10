package org.liquide.render;

import org.liquide.render.gl.FrameReadback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.frame.PixelFormat;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.layer.StillImageSource;
import org.liquide.render.output.DisplayRenderer;
import org.liquide.render.output.SoftEdge;
import org.liquide.render.output.Warp;
import org.liquide.testing.GoldenImages;
import org.liquide.testing.OffscreenGl;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(OffscreenGl.class)
class DisplayWarpTest {
    private static final int SIZE = 200;
    private static final float[] WHOLE = {0, 0, 1, 1};

    /** Quadrants: top-left red, top-right green, bottom-right blue, bottom-left white. */
    private static int[] quadrant(int x, int y) {
        boolean left = x < 100;
        boolean top = y < 100;
        if (top) {
            return left ? new int[]{255, 0, 0, 255} : new int[]{0, 255, 0, 255};
        }
        return left ? new int[]{255, 255, 255, 255} : new int[]{0, 0, 255, 255};
    }

    private static BufferedImage display(Warp warp, SoftEdge edges, float[] region) {
        try (Compositor compositor = new Compositor(SIZE, SIZE);
             LayerStack stack = new LayerStack(List.of(new Layer("picture",
                     new StillImageSource(TestFrames.make(SIZE, SIZE, PixelFormat.RGB24, DisplayWarpTest::quadrant)),
                     new LayerStyle())), List.of());
             DisplayRenderer renderer = new DisplayRenderer();
             Framebuffer screen = new Framebuffer(SIZE, SIZE)) {
            FrameClock clock = new FrameClock();
            clock.advance(System.nanoTime());
            Framebuffer picture = stack.render(clock, compositor);
            screen.bindForDrawing();
            renderer.draw(picture.color(), region, warp, edges, SIZE, SIZE);
            return FrameReadback.read(screen);
        }
    }

    private static int rgb(BufferedImage image, double x, double y) {
        return image.getRGB((int) Math.round(x * (SIZE - 1)), (int) Math.round(y * (SIZE - 1))) & 0xFFFFFF;
    }

    @Test
    void cornerPinPutsEachCornerOfThePictureWhereItWasAsked() throws Exception {
        Warp warp = new Warp();
        double[][] corners = {{0.1, 0.2}, {0.8, 0.05}, {0.95, 0.9}, {0.2, 0.8}};
        for (int i = 0; i < 4; i++) {
            warp.setCorner(i, corners[i][0], corners[i][1]);
        }
        BufferedImage image = display(warp, SoftEdge.NONE, WHOLE);
        int[] expected = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF};
        double cx = 0.5125;
        double cy = 0.4875;
        for (int i = 0; i < 4; i++) {
            // A point 4 % of the way from the corner towards the middle of the quad.
            double x = corners[i][0] + (cx - corners[i][0]) * 0.04;
            double y = corners[i][1] + (cy - corners[i][1]) * 0.04;
            assertEquals(expected[i], rgb(image, x, y), "corner " + i);
            // Just outside the corner, away from the middle: black.
            double ox = corners[i][0] - (cx - corners[i][0]) * 0.06;
            double oy = corners[i][1] - (cy - corners[i][1]) * 0.06;
            if (ox >= 0 && ox <= 1 && oy >= 0 && oy <= 1) {
                assertEquals(0, rgb(image, ox, oy), "outside corner " + i);
            }
        }
        double[] middle = warp.displayToPicture(0.8, 0.05);
        assertArrayEquals(new double[]{1, 0}, middle, 1e-6, "the top-right corner maps back to the picture's");
        GoldenImages.assertMatches("warp-corner-pin", image, 1.5, 0.01);
    }

    @Test
    void aNeutralWarpShowsThePictureAsIs() {
        BufferedImage image = display(new Warp(), SoftEdge.NONE, WHOLE);
        assertEquals(0xFF0000, rgb(image, 0.25, 0.25));
        assertEquals(0x00FF00, rgb(image, 0.75, 0.25));
        assertEquals(0x0000FF, rgb(image, 0.75, 0.75));
        assertEquals(0xFFFFFF, rgb(image, 0.25, 0.75));
    }

    @Test
    void aRegionShowsOnlyItsPartOfTheComposite() {
        // The left projector of a pair: the left 60 % of the composite.
        BufferedImage image = display(new Warp(), SoftEdge.NONE, new float[]{0, 0, 0.6f, 1});
        assertEquals(0xFF0000, rgb(image, 0.5, 0.25), "x 0.5 of the display is x 0.3 of the composite");
        assertEquals(0x00FF00, rgb(image, 0.95, 0.25), "x 0.95 is x 0.57: past the middle");
    }

    @Test
    void softEdgesFadeTheOverlapAndLeaveTheRestUntouched() throws Exception {
        BufferedImage image = display(new Warp(), new SoftEdge(0, 0.3, 0, 0, 2, 2.2), WHOLE);
        assertEquals(0xFF0000, rgb(image, 0.3, 0.25), "outside the blend zone");
        int edge = rgb(image, 0.999, 0.25) >> 8 & 0xFF;
        int middle = rgb(image, 0.85, 0.25) >> 8 & 0xFF;
        assertTrue(edge < 20, "dark at the very edge: " + edge);
        assertTrue(middle > 120 && middle < 255, "about half (gamma corrected) in the middle of the zone: " + middle);
        GoldenImages.assertMatches("warp-soft-edge", image, 1.5, 0.01);
    }

    @Test
    void aMeshBendsThePicture() throws Exception {
        Warp warp = new Warp();
        double[] offsets = new double[3 * 3 * 2];
        offsets[(1 * 3 + 1) * 2] = 0.15;
        warp.setMesh(3, 3, offsets);
        BufferedImage image = display(warp, SoftEdge.NONE, WHOLE);
        // At the centre the picture is read 0.15 to the right: green/blue side instead of the boundary.
        assertEquals(0x00FF00, rgb(image, 0.5, 0.45));
        assertEquals(0xFF0000, rgb(image, 0.1, 0.1), "the corners do not move");
        GoldenImages.assertMatches("warp-mesh", image, 1.5, 0.01);
    }

    @Test
    void aFoldedCornerPinIsRefusedAndTheWarpKeptAsItWas() {
        double[][][] folded = {
                {{0, 0}, {1, 0}, {0.5, 0.5}, {0, 1}},     // three corners on a line
                {{0, 0}, {1, 0}, {0.3, 0.3}, {0, 1}},     // concave
                {{0, 0}, {1, 0}, {0, 1}, {1, 1}},         // crossed: bottom corners swapped
                {{0, 0}, {0, 0}, {1, 1}, {0, 1}},         // two corners at one point
        };
        for (double[][] corners : folded) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Warp.pinned(corners),
                    java.util.Arrays.deepToString(corners));
            assertTrue(refused.getMessage().contains("would fold the picture"), refused.getMessage());
        }
        Warp warp = new Warp();
        assertThrows(IllegalArgumentException.class, () -> warp.setCorner(2, 0.3, 0.3));
        assertEquals(1, warp.cornerX(2), "a refused move leaves the corner where it was");
        // A mirrored pin (rear projection) turns the other way round, and is fine.
        assertDoesNotThrow(() -> Warp.pinned(new double[][]{{1, 0}, {0, 0}, {0, 1}, {1, 1}}));
    }
}
