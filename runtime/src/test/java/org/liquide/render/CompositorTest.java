package org.liquide.render;

import org.liquide.render.gl.FrameReadback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.layer.StillImageSource;
import org.liquide.testing.GoldenImages;
import org.liquide.testing.ImageStats;
import org.liquide.testing.OffscreenGl;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(OffscreenGl.class)
class CompositorTest {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;

    private static VideoFrame base() {
        return TestFrames.make(160, 90, PixelFormat.RGB24, (x, y) -> TestFrames.gradient(x, y, 160, 90));
    }

    private static VideoFrame square(PixelFormat format) {
        return TestFrames.make(120, 120, format, (x, y) -> TestFrames.quadrants(x, y, 120, 120));
    }

    private static BufferedImage composite(List<Layer> layers) {
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT); LayerStack stack = new LayerStack(layers, List.of())) {
            FrameClock clock = new FrameClock();
            clock.advance(System.nanoTime());
            Framebuffer frame = stack.render(clock, compositor);
            return FrameReadback.read(frame);
        }
    }

    private static BufferedImage compositeOverBase(LayerStyle topStyle, PixelFormat topFormat) {
        return composite(List.of(
                new Layer("base", new StillImageSource(base()), new LayerStyle()),
                new Layer("top", new StillImageSource(square(topFormat)), topStyle)));
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void eachBlendModeMatchesItsGoldenImage(BlendMode mode) throws Exception {
        BufferedImage image = compositeOverBase(new LayerStyle().blend(mode).opacity(0.8f).fit(FitMode.STRETCH),
                PixelFormat.RGBA32);
        GoldenImages.assertMatches("blend-" + mode.configName(), image, 1.5, 0.01);
    }

    @ParameterizedTest
    @EnumSource(FitMode.class)
    void eachFitModeMatchesItsGoldenImage(FitMode fit) throws Exception {
        BufferedImage image = compositeOverBase(new LayerStyle().fit(fit), PixelFormat.RGBA32);
        GoldenImages.assertMatches("fit-" + fit.configName(), image, 1.5, 0.01);
    }

    @Test
    void mirroredLayerMatchesItsGoldenImage() throws Exception {
        BufferedImage image = compositeOverBase(new LayerStyle().fit(FitMode.FIT).mirror(true), PixelFormat.RGBA32);
        GoldenImages.assertMatches("fit-fit-mirrored", image, 1.5, 0.01);
    }

    @Test
    void anOpaqueLayerCoversWhatIsBelowWithItsOwnPixelsOnly() {
        BufferedImage image = compositeOverBase(new LayerStyle().fit(FitMode.FIT), PixelFormat.RGB24);
        assertEquals(0xFFFFFF, image.getRGB(60, 10) & 0xFFFFFF, "the square's white top-left quadrant");
        assertEquals(10 * 255 / 159, image.getRGB(10, 45) >> 16 & 0xFF, 2, "beside the fitted square: the gradient");
    }

    @Test
    void anImageAtTheOutputsSizeComesOutPixelForPixelMirroredOrNot() {
        java.util.function.Supplier<StillImageSource> checker = () -> new StillImageSource(TestFrames.make(WIDTH, HEIGHT,
                PixelFormat.RGB24, (x, y) -> (x + y) % 2 == 0 ? new int[]{255, 255, 255, 255} : new int[]{0, 0, 0, 255}));
        BufferedImage plain = composite(List.of(new Layer("checker", checker.get(), new LayerStyle())));
        BufferedImage mirrored = composite(List.of(new Layer("checker", checker.get(), new LayerStyle().mirror(true))));
        BufferedImage halfOver = composite(List.of(
                new Layer("base", new StillImageSource(base()), new LayerStyle()),
                new Layer("checker", checker.get(), new LayerStyle().opacity(0.5f))));
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int white = (x + y) % 2 == 0 ? 0xFFFFFF : 0;
                assertEquals(white, plain.getRGB(x, y) & 0xFFFFFF, "pixel (" + x + "," + y + ")");
                assertEquals((WIDTH - 1 - x + y) % 2 == 0 ? 0xFFFFFF : 0, mirrored.getRGB(x, y) & 0xFFFFFF, "mirrored (" + x + "," + y + ")");
                int below = x * 255 / (WIDTH - 1);
                assertEquals((below + (white == 0 ? 0 : 255)) / 2.0, halfOver.getRGB(x, y) >> 16 & 0xFF, 1.5, "half over (" + x + "," + y + ")");
            }
        }
    }

    @Test
    void normalBlendOfOpaqueWhiteOverGradientIsExact() {
        BufferedImage image = compositeOverBase(new LayerStyle().fit(FitMode.STRETCH).opacity(0.5f), PixelFormat.RGBA32);
        // Top-left quadrant of the square is opaque white; stretched, it covers x in [10, 80), y in [0, 45).
        int x = 40;
        int y = 10;
        int baseRed = x * 255 / 159;
        int rgb = image.getRGB(x, y);
        assertEquals((baseRed + 255) / 2.0, rgb >> 16 & 0xFF, 2.0, "red: half of the gradient, half white");
        assertEquals((96 + 255) / 2.0, rgb & 0xFF, 2.0, "blue");
    }

    @Test
    void fitLeavesBarsWhereTheLayerBelowShows() {
        BufferedImage image = compositeOverBase(new LayerStyle().fit(FitMode.FIT), PixelFormat.RGBA32);
        // A square image in a 16:9 output leaves bars left and right, 35 px wide: the gradient shows there.
        int rgb = image.getRGB(5, 20);
        assertEquals(5 * 255 / 159, rgb >> 16 & 0xFF, 2, "gradient visible in the left bar");
        assertEquals(96, rgb & 0xFF, 2);
        // Just inside the image: its red edge stripe.
        int edge = image.getRGB(38, 20);
        assertEquals(255, edge >> 16 & 0xFF, 2);
        assertEquals(0, edge >> 8 & 0xFF, 2);
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"BGRA32"})
    void blueFirstLayoutsAreSwizzledToTheSameImage(PixelFormat blueFirst) {
        BufferedImage rgba = compositeOverBase(new LayerStyle().fit(FitMode.FIT), PixelFormat.RGBA32);
        BufferedImage bgra = compositeOverBase(new LayerStyle().fit(FitMode.FIT), blueFirst);
        assertImagesEqual(rgba, bgra, 1);
    }

    @Test
    void rgbAndBgrFramesCompositeIdentically() {
        VideoFrame rgb = TestFrames.make(160, 90, PixelFormat.RGB24, (x, y) -> TestFrames.gradient(x, y, 160, 90));
        VideoFrame bgr = TestFrames.make(160, 90, PixelFormat.BGR24, (x, y) -> TestFrames.gradient(x, y, 160, 90));
        BufferedImage a = composite(List.of(new Layer("a", new StillImageSource(rgb), new LayerStyle())));
        BufferedImage b = composite(List.of(new Layer("b", new StillImageSource(bgr), new LayerStyle())));
        assertImagesEqual(a, b, 1);
        assertEquals(96, a.getRGB(80, 45) & 0xFF, 2, "blue channel lands in blue");
    }

    @Test
    void paddedStridesUploadLikeTightOnes() {
        int width = 101;
        int height = 57;
        TestFrames.Painter painter = (x, y) -> TestFrames.gradient(x, y, width, height);
        BufferedImage tight = composite(List.of(new Layer("t",
                new StillImageSource(TestFrames.make(width, height, PixelFormat.BGR24, painter)), new LayerStyle().fit(FitMode.STRETCH))));
        // 101 BGR pixels are 303 bytes: padded to 304 (GL_UNPACK_ALIGNMENT 4 reaches it)...
        BufferedImage aligned = composite(List.of(new Layer("a",
                new StillImageSource(TestFrames.make(width, height, PixelFormat.BGR24, 304, painter)), new LayerStyle().fit(FitMode.STRETCH))));
        // ...and to 320 (a 32-byte line size, not a multiple of 3: rows are repacked while copying).
        BufferedImage repacked = composite(List.of(new Layer("r",
                new StillImageSource(TestFrames.make(width, height, PixelFormat.BGR24, 320, painter)), new LayerStyle().fit(FitMode.STRETCH))));
        // RGBA rows padded to 416 bytes are described by GL_UNPACK_ROW_LENGTH.
        BufferedImage rowLength = composite(List.of(new Layer("l",
                new StillImageSource(TestFrames.make(width, height, PixelFormat.RGBA32, 416, painter)), new LayerStyle().fit(FitMode.STRETCH))));
        assertImagesEqual(tight, aligned, 1);
        assertImagesEqual(tight, repacked, 1);
        assertImagesEqual(tight, rowLength, 1);
    }

    @Test
    void grayFramesShowAsGray() {
        VideoFrame gray = TestFrames.make(64, 36, PixelFormat.GRAY8, (x, y) -> new int[]{200, 0, 0, 255});
        BufferedImage image = composite(List.of(new Layer("g", new StillImageSource(gray), new LayerStyle())));
        ImageStats stats = ImageStats.of(image);
        assertEquals(200, stats.meanRed(), 1.5);
        assertEquals(200, stats.meanGreen(), 1.5);
        assertEquals(200, stats.meanBlue(), 1.5);
    }

    @Test
    void aMaskShowsTheLayerOnlyWhereItIsWhite() {
        VideoFrame maskFrame = TestFrames.make(160, 90, PixelFormat.GRAY8, (x, y) -> new int[]{x < 80 ? 255 : 0, 0, 0, 255});
        org.liquide.render.gl.Texture2D mask = new org.liquide.render.gl.Texture2D();
        try (org.liquide.render.gl.PixelUploader uploader = new org.liquide.render.gl.PixelUploader()) {
            uploader.upload(maskFrame, mask);
        }
        VideoFrame white = TestFrames.make(16, 9, PixelFormat.RGB24, (x, y) -> new int[]{255, 255, 255, 255});
        BufferedImage image = composite(List.of(
                new Layer("base", new StillImageSource(base()), new LayerStyle()),
                new Layer("white", new StillImageSource(white), new LayerStyle().mask(mask))));
        assertEquals(0xFFFFFF, image.getRGB(40, 45) & 0xFFFFFF, "left half: the layer");
        assertEquals(140 * 255 / 159, image.getRGB(140, 45) >> 16 & 0xFF, 2, "right half: the gradient below");
        mask.close();
    }

    /** A still image whose image is looked at only by the compositor: each look counted. */
    private static final class WatchedSource implements LayerSource {
        private final StillImageSource still;
        int looks;

        WatchedSource(VideoFrame frame) {
            still = new StillImageSource(frame);
        }

        @Override
        public void update(FrameClock clock) {
            still.update(clock);
        }

        @Override
        public LayerImage image() {
            looks++;
            return still.image();
        }

        @Override
        public void close() {
            still.close();
        }
    }

    private static VideoFrame white() {
        return TestFrames.make(16, 9, PixelFormat.RGB24, (x, y) -> new int[]{255, 255, 255, 255});
    }

    @Test
    void aLayerHiddenUnderAnOpaqueWholeOutputLayerIsNotDrawn() {
        WatchedSource hidden = new WatchedSource(base());
        BufferedImage image = composite(List.of(
                new Layer("hidden", hidden, new LayerStyle()),
                new Layer("cover", new StillImageSource(white()), new LayerStyle().fit(FitMode.FILL))));
        assertEquals(0xFFFFFF, image.getRGB(80, 45) & 0xFFFFFF);
        assertEquals(0, hidden.looks, "nothing of the hidden layer is drawn");

        WatchedSource seen = new WatchedSource(base());
        BufferedImage mixed = composite(List.of(
                new Layer("seen", seen, new LayerStyle()),
                new Layer("veil", new StillImageSource(white()), new LayerStyle().opacity(0.5f))));
        assertTrue(seen.looks > 0, "under a translucent layer the layer below is drawn");
        assertEquals((255 + 80 * 255 / 159) / 2, mixed.getRGB(80, 45) >> 16 & 0xFF, 2);
    }

    @Test
    void withoutVisitorsLeavesLiveCameraLayersOut() {
        VideoFrame visitor = TestFrames.make(16, 9, PixelFormat.RGB24, (x, y) -> new int[]{255, 255, 255, 255});
        List<Layer> layers = List.of(
                new Layer("base", new StillImageSource(base()), new LayerStyle()),
                new Layer("camera", new StillImageSource(visitor), new LayerStyle(), true));
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT); LayerStack stack = new LayerStack(layers, List.of())) {
            FrameClock clock = new FrameClock();
            clock.advance(System.nanoTime());
            BufferedImage full = FrameReadback.read(stack.render(clock, compositor));
            assertEquals(0xFFFFFF, full.getRGB(80, 45) & 0xFFFFFF, "the visitor is on screen");
            BufferedImage privateFrame = FrameReadback.read(stack.renderWithoutVisitors(clock, compositor));
            assertEquals(80 * 255 / 159, privateFrame.getRGB(80, 45) >> 16 & 0xFF, 2, "only the gradient below remains");
        }
    }

    @Test
    void aRegionPlacesTheLayerOnPartOfTheOutput() throws Exception {
        BufferedImage image = compositeOverBase(new LayerStyle().fit(FitMode.FIT).region(0.5f, 0f, 1f, 0.5f), PixelFormat.RGBA32);
        GoldenImages.assertMatches("region-top-right", image, 1.5, 0.01);
        assertEquals(10 * 255 / 159, image.getRGB(10, 80) >> 16 & 0xFF, 2, "outside the region: the gradient");
        // The square image fits a 80x45 region as a 45x45 square centred at x 120: its white top-left quadrant.
        assertEquals(0xFFFFFF, image.getRGB(104, 5) & 0xFFFFFF);
    }

    @Test
    void zeroOpacityLayerLeavesTheImageUnchanged() {
        BufferedImage baseOnly = composite(List.of(new Layer("base", new StillImageSource(base()), new LayerStyle())));
        BufferedImage withHidden = compositeOverBase(new LayerStyle().opacity(0f), PixelFormat.RGBA32);
        assertImagesEqual(baseOnly, withHidden, 0);
    }

    /** The composite of {@code layers} and how many passes drew them. */
    private record Drawn(BufferedImage image, int passes) {
    }

    private static Drawn drawn(List<Layer> layers) {
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT); LayerStack stack = new LayerStack(layers, List.of())) {
            FrameClock clock = new FrameClock();
            clock.advance(System.nanoTime());
            BufferedImage image = FrameReadback.read(stack.render(clock, compositor));
            return new Drawn(image, compositor.layerPasses());
        }
    }

    /** Translucent layers of every one-plane layout over the whole output, each with {@code mask} (or none). */
    private static List<Layer> translucentStack(org.liquide.render.gl.Texture2D mask) {
        VideoFrame alphaRamp = TestFrames.make(80, 45, PixelFormat.RGBA32, (x, y) -> new int[]{250, 40, 90, x * 255 / 79});
        VideoFrame grey = TestFrames.make(32, 18, PixelFormat.GRAY8, (x, y) -> new int[]{y * 255 / 17, 0, 0, 255});
        VideoFrame bgraRamp = TestFrames.make(160, 90, PixelFormat.BGRA32, (x, y) -> new int[]{20, 200, 120, y * 255 / 89});
        return List.of(
                new Layer("base", new StillImageSource(base()), new LayerStyle().mask(mask)),
                new Layer("bgr", new StillImageSource(TestFrames.make(160, 90, PixelFormat.BGR24,
                        (x, y) -> TestFrames.quadrants(x, y, 160, 90))), new LayerStyle().opacity(0.8f).mask(mask)),
                new Layer("alpha", new StillImageSource(alphaRamp), new LayerStyle().opacity(0.7f).fit(FitMode.STRETCH).mirror(true).mask(mask)),
                new Layer("grey", new StillImageSource(grey), new LayerStyle().opacity(0.3f).fit(FitMode.STRETCH).mask(mask)),
                new Layer("bgra", new StillImageSource(bgraRamp), new LayerStyle().opacity(0.9f).mask(mask)),
                new Layer("rgb", new StillImageSource(square(PixelFormat.RGB24)), new LayerStyle().opacity(0.5f).fit(FitMode.FILL).mask(mask)),
                new Layer("rgba", new StillImageSource(square(PixelFormat.RGBA32)), new LayerStyle().opacity(0.6f).fit(FitMode.STRETCH).mask(mask)),
                new Layer("bgr-mirrored", new StillImageSource(TestFrames.make(160, 90, PixelFormat.BGR24,
                        (x, y) -> TestFrames.gradient(y, x, 90, 160))), new LayerStyle().opacity(0.4f).mirror(true).mask(mask)));
    }

    /** A mask of white everywhere: it changes nothing in the picture, but a masked layer is drawn on its own. */
    private static org.liquide.render.gl.Texture2D whiteMask() {
        VideoFrame white = TestFrames.make(160, 90, PixelFormat.GRAY8, (x, y) -> new int[]{255, 0, 0, 255});
        org.liquide.render.gl.Texture2D mask = new org.liquide.render.gl.Texture2D();
        try (org.liquide.render.gl.PixelUploader uploader = new org.liquide.render.gl.PixelUploader()) {
            uploader.upload(white, mask);
        }
        return mask;
    }

    /**
     * Draws the stack in runs, and one layer at a time (each layer masked white), and asserts the passes of
     * each and that both give the same picture.
     */
    private static void assertRunsLookLikeOneByOne(java.util.function.Function<org.liquide.render.gl.Texture2D, List<Layer>> stack,
                                                   int layers, int runs, String why) {
        org.liquide.render.gl.Texture2D mask = whiteMask();
        Drawn oneByOne = drawn(stack.apply(mask));
        Drawn inRuns = drawn(stack.apply(null));
        mask.close();
        assertEquals(layers, oneByOne.passes());
        assertEquals(runs, inRuns.passes(), why);
        assertImagesEqual(oneByOne.image(), inRuns.image(), 2);
    }

    @Test
    void consecutiveNormalLayersOverTheSameRectangleDrawInFewerPassesAndLookTheSame() {
        assertEquals(4, LayerRunProgram.MOST);
        assertRunsLookLikeOneByOne(CompositorTest::translucentStack, 8, 2, "two runs of four layers");
    }

    private static List<Layer> brokenRuns(org.liquide.render.gl.Texture2D mask) {
        return List.of(
                new Layer("base", new StillImageSource(base()), new LayerStyle().mask(mask)),
                new Layer("veil", new StillImageSource(white()), new LayerStyle().opacity(0.5f).mask(mask)),
                new Layer("added", new StillImageSource(base()), new LayerStyle().opacity(0.5f).blend(BlendMode.ADD)),
                new Layer("corner", new StillImageSource(white()), new LayerStyle().opacity(0.5f).region(0f, 0f, 0.5f, 0.5f).mask(mask)),
                new Layer("corner-again", new StillImageSource(base()), new LayerStyle().opacity(0.5f).region(0f, 0f, 0.5f, 0.5f).mask(mask)));
    }

    @Test
    void aRunEndsWhereTheBlendChanges() {
        assertRunsLookLikeOneByOne(CompositorTest::brokenRuns, 5, 3, "base and veil, the added layer, the two corners");
    }

    /** Layers over rectangles that overlap in part, one of them with bars beside it, over a whole-output layer. */
    private static List<Layer> overlappingRegions(org.liquide.render.gl.Texture2D mask) {
        VideoFrame alphaRamp = TestFrames.make(80, 45, PixelFormat.RGBA32, (x, y) -> new int[]{250, 40, 90, x * 255 / 79});
        return List.of(
                new Layer("base", new StillImageSource(base()), new LayerStyle().mask(mask)),
                new Layer("left", new StillImageSource(square(PixelFormat.BGR24)), new LayerStyle().opacity(0.6f)
                        .fit(FitMode.STRETCH).region(0f, 0f, 0.5f, 1f).mask(mask)),
                new Layer("middle", new StillImageSource(alphaRamp), new LayerStyle().opacity(0.8f)
                        .region(0.3f, 0.25f, 0.8f, 0.75f).mirror(true).mask(mask)),
                new Layer("fitted", new StillImageSource(square(PixelFormat.RGB24)), new LayerStyle().opacity(0.5f)
                        .fit(FitMode.FIT).region(0.4f, 0.1f, 1f, 0.6f).mask(mask)));
    }

    @Test
    void layersOverDifferentRectanglesAreOneRunCutIntoPiecesAndLookTheSame() {
        assertRunsLookLikeOneByOne(CompositorTest::overlappingRegions, 4, 1, "one run of four layers");
    }

    private static void assertImagesEqual(BufferedImage expected, BufferedImage actual, int tolerance) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs((e >> shift & 0xFF) - (a >> shift & 0xFF));
                    if (d > tolerance) {
                        fail("pixel (" + x + "," + y + ") differs: expected " + Integer.toHexString(e) + ", got "
                                + Integer.toHexString(a));
                    }
                }
            }
        }
    }
}
