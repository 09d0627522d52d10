package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.Layer;
import org.liquide.render.LayerStack;
import org.liquide.render.LayerStyle;
import org.liquide.render.layer.StillImageSource;
import org.liquide.testing.OffscreenGl;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.render.shader.ShaderTesting.*;

/** In a layer stack, a filter shader's inputImage is the result of the layers below it. */
@ExtendWith(OffscreenGl.class)
class ShaderFilterCompositeTest {
    private static final int WIDTH = 80;
    private static final int HEIGHT = 45;

    /** Red rises left to right, green bottom to top, blue 64. */
    private static VideoFrame gradient() {
        VideoFrame frame = new VideoFrame();
        ByteBuffer pixels = frame.reshape(WIDTH, HEIGHT, WIDTH * 3, PixelFormat.RGB24);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int at = (y * WIDTH + x) * 3;
                pixels.put(at, (byte) (x * 255 / (WIDTH - 1)));
                pixels.put(at + 1, (byte) ((HEIGHT - 1 - y) * 255 / (HEIGHT - 1)));
                pixels.put(at + 2, (byte) 64);
            }
        }
        return frame;
    }

    private static BufferedImage composite(ShaderLayer filter, LayerStyle filterStyle, int[] filterSize) {
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT);
             LayerStack stack = new LayerStack(List.of(
                     new Layer("photo", new StillImageSource(gradient()), new LayerStyle()),
                     new Layer("filter", filter, filterStyle)), List.of())) {
            FrameClock clock = clock();
            BufferedImage image = FrameReadback.read(stack.render(clock, compositor));
            if (filter.output() != null) {
                filterSize[0] = filter.output().width();
                filterSize[1] = filter.output().height();
            }
            return image;
        }
    }

    @Test
    void theFilterInvertsTheStillImageBelowIt() throws Exception {
        ShaderLayer invert = open("invert.fs", 1, 1);
        assertInstanceOf(ShaderFilterLayer.class, invert);
        int[] size = new int[2];
        BufferedImage image = composite(invert, new LayerStyle(), size);
        for (int[] p : new int[][]{{0, 0}, {79, 0}, {40, 22}, {10, 40}, {79, 44}}) {
            int x = p[0];
            int y = p[1];
            assertEquals(255 - x * 255 / (WIDTH - 1), red(image, x, y), 2, "red inverted at " + x + "," + y);
            assertEquals(255 - (HEIGHT - 1 - y) * 255 / (HEIGHT - 1), green(image, x, y), 2, "green inverted at " + x + "," + y);
            assertEquals(255 - 64, blue(image, x, y), 2);
        }
        assertArrayEquals(new int[]{WIDTH, HEIGHT}, size, "the filter renders at the size of what lies below");
    }

    @Test
    void aFilterOnTopDrawsItsLastPassStraightIntoTheComposite() throws Exception {
        ShaderLayer invert = open("invert.fs", 1, 1);
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT);
             LayerStack stack = new LayerStack(List.of(
                     new Layer("photo", new StillImageSource(gradient()), new LayerStyle()),
                     new Layer("filter", invert, new LayerStyle())), List.of())) {
            BufferedImage image = FrameReadback.read(stack.render(clock(), compositor));
            assertSame(compositor.result(), invert.output(), "no image of its own for the compositor to copy");
            assertEquals(255 - 64, blue(image, 40, 22), 2);
        }
    }

    /** Half-transparent output drawn straight into the composite mixes with what lies below as a normal layer does. */
    @Test
    void aTranslucentFilterOnTopBlendsAsWhenItsImageIsComposited() throws Exception {
        String tinted = """
                /*{ "ISFVSN": "2", "INPUTS": [ { "NAME": "inputImage", "TYPE": "image" } ] }*/
                void main() {
                    gl_FragColor = vec4(1.0, 1.0, 1.0, 0.25);
                }
                """;
        BufferedImage straight = composite(open(ShaderDocument.fromText(java.nio.file.Path.of("tint.fs"), tinted), 1, 1),
                new LayerStyle(), new int[2]);
        // At 0.999 opacity the filter's image is composited apart: the reference.
        BufferedImage apart = composite(open(ShaderDocument.fromText(java.nio.file.Path.of("tint.fs"), tinted), 1, 1),
                new LayerStyle().opacity(0.999f), new int[2]);
        for (int[] p : new int[][]{{0, 0}, {79, 0}, {40, 22}, {10, 40}}) {
            assertEquals(red(apart, p[0], p[1]), red(straight, p[0], p[1]), 1, "red at " + p[0] + "," + p[1]);
            assertEquals(green(apart, p[0], p[1]), green(straight, p[0], p[1]), 1, "green at " + p[0] + "," + p[1]);
            assertEquals(blue(apart, p[0], p[1]), blue(straight, p[0], p[1]), 1, "blue at " + p[0] + "," + p[1]);
        }
        assertEquals(64 + (255 - 64) / 4, blue(straight, 40, 22), 2, "a quarter of white over blue 64");
    }

    @Test
    void thePictureWithoutVisitorsShowsTheFilterDrawnIntoTheComposite() throws Exception {
        ShaderLayer invert = open("invert.fs", 1, 1);
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT);
             Compositor privateCompositor = new Compositor(WIDTH, HEIGHT);
             LayerStack stack = new LayerStack(List.of(
                     new Layer("photo", new StillImageSource(gradient()), new LayerStyle()),
                     new Layer("filter", invert, new LayerStyle())), List.of())) {
            FrameClock clock = clock();
            BufferedImage shown = FrameReadback.read(stack.render(clock, compositor));
            BufferedImage kept = FrameReadback.read(stack.renderWithoutVisitors(clock, privateCompositor));
            for (int[] p : new int[][]{{0, 0}, {79, 0}, {40, 22}, {10, 40}}) {
                assertEquals(shown.getRGB(p[0], p[1]), kept.getRGB(p[0], p[1]), "at " + p[0] + "," + p[1]);
            }
        }
    }

    @Test
    void aFilterWithALayerAboveItKeepsAnImageOfItsOwn() throws Exception {
        ShaderLayer invert = open("invert.fs", 1, 1);
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT);
             LayerStack stack = new LayerStack(List.of(
                     new Layer("photo", new StillImageSource(gradient()), new LayerStyle()),
                     new Layer("filter", invert, new LayerStyle()),
                     new Layer("corner", new StillImageSource(gradient()), new LayerStyle().region(0f, 0f, 0.25f, 0.25f))),
                     List.of())) {
            BufferedImage image = FrameReadback.read(stack.render(clock(), compositor));
            assertNotSame(compositor.result(), invert.output());
            assertEquals(255 - 64, blue(image, 40, 22), 2, "inverted outside the corner layer");
            assertEquals(64, blue(image, 5, 5), 2, "the corner layer drawn over the filter");
        }
    }

    @Test
    void halfOpacityMixesTheFilteredImageWithTheOriginal() throws Exception {
        BufferedImage image = composite(open("invert.fs", 1, 1), new LayerStyle().opacity(0.5f), new int[2]);
        assertEquals(128, blue(image, 40, 22), 2, "(64 + 191) / 2");
    }

    @Test
    void anInvisibleFilterIsNotRendered() throws Exception {
        ShaderLayer invert = open("invert.fs", 1, 1);
        int[] size = new int[2];
        BufferedImage image = composite(invert, new LayerStyle().opacity(0f), size);
        assertEquals(64, blue(image, 40, 22), 2);
        assertArrayEquals(new int[]{0, 0}, size, "the compositor skipped it: no frame drawn");
    }
}
