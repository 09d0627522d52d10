package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.gl.Texture2D;
import org.liquide.testing.GoldenImages;
import org.liquide.testing.ImageStats;
import org.liquide.testing.OffscreenGl;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.render.shader.ShaderTesting.*;

/** What shaders draw: built-ins, passes, buffers, images, checked against golden images and exact values. */
@ExtendWith(OffscreenGl.class)
class ShaderRenderTest {

    /** White square on black, a red bar on the left: sharp edges for blurs, orientation for everything. */
    static BufferedImage squareImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 3, height / 4, width / 3, height / 2);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 16, height);
        g.dispose();
        return image;
    }

    @Test
    void builtInsEncodeTimeFrameIndexRenderSizeAndCoordinates() throws Exception {
        try (ShaderLayer layer = open("builtins.fs", 64, 32)) {
            BufferedImage image = render(layer, 10);
            GoldenImages.assertMatches("isf-builtins", image, 1.0, 0.01);
            // Top half, first band: TIME after 10 frames at 1/60 s is 9/60; TIMEDELTA is 1/60 (x30 = 0.5).
            assertEquals(Math.round(255 * 9 / 60.0), red(image, 3, 4), 1);
            assertEquals(128, green(image, 3, 4), 1);
            // FRAMEINDEX 9, PASSINDEX 0.
            assertEquals(9, green(image, 19, 4), 1);
            assertEquals(0, blue(image, 19, 4));
            // RENDERSIZE 64x32.
            assertEquals(64, red(image, 32, 4), 1);
            assertEquals(32, green(image, 32, 4), 1);
            // DATE: 2027-01-15, 10:30 (37800 s of 86400).
            assertEquals(255, red(image, 45, 4));
            assertEquals(Math.round(255 * 37800 / 86400.0), green(image, 45, 4), 1);
            // Bottom half: isf_FragNormCoord.x rises left to right and matches gl_FragCoord / RENDERSIZE.
            assertEquals(Math.round(255 * 0.5 / 64), red(image, 0, 31), 1);
            assertEquals(Math.round(255 * 63.5 / 64), red(image, 63, 31), 1);
            assertEquals(red(image, 40, 20), blue(image, 40, 20), 1);
            // isf_FragNormCoord.y is 0 at the bottom.
            assertTrue(green(image, 10, 31) < 10 && green(image, 10, 16) > 240, "y rises upwards");
        }
    }

    @Test
    void aTwoPassBlurRendersItsFirstPassAtTheSizeItsExpressionsGive() throws Exception {
        Texture2D input = ImageTextures.upload(squareImage(96, 64));
        try (ShaderLayer layer = open("blur-multipass.fs", 1, 1)) {
            ShaderFilterLayer filter = (ShaderFilterLayer) layer;
            filter.process(input, clock());
            assertArrayEquals(new int[]{48, 32}, layer.bufferSize("horizontal"), "floor($WIDTH / $downsample) with downsample 2");
            assertEquals(2, layer.programCount(), "each pass draws with a program that has its PASSINDEX compiled in");
            BufferedImage blurred = FrameReadback.read(layer.output());
            assertEquals(96, blurred.getWidth());
            GoldenImages.assertMatches("isf-multipass-blur", blurred, 1.5, 0.01);
            // The square's edges are soft in both directions; its middle stays white.
            assertEquals(255, red(blurred, 48, 32), 2);
            int edge = red(blurred, 32, 32);
            assertTrue(edge > 60 && edge < 200, "horizontal edge blurred: " + edge);
            int top = red(blurred, 48, 16);
            assertTrue(top > 60 && top < 200, "vertical edge blurred: " + top);

            layer.inputs().setFromText(layer.inputs().index("downsample"), "quarter");
            filter.process(input, clock());
            assertArrayEquals(new int[]{24, 16}, layer.bufferSize("horizontal"), "re-evaluated when its input changes");
        } finally {
            input.close();
        }
    }

    /** weights[PASSINDEX + 1] is out of bounds in the second pass once PASSINDEX is a constant there. */
    @Test
    void aShaderThatCompilesOnlyWithPassIndexAsAUniformDrawsWithOneProgram() throws Exception {
        String source = """
                /*{ "ISFVSN": "2", "PASSES": [ { "TARGET": "first" }, { } ] }*/
                const float weights[2] = float[2](0.25, 0.75);
                void main() {
                    if (PASSINDEX == 0) {
                        gl_FragColor = vec4(weights[PASSINDEX + 1], 0.0, 0.0, 1.0);
                    } else {
                        gl_FragColor = IMG_THIS_PIXEL(first);
                    }
                }
                """;
        try (ShaderLayer layer = open(ShaderDocument.fromText(java.nio.file.Path.of("guarded.fs"), source), 16, 16)) {
            assertEquals(1, layer.programCount());
            BufferedImage image = render(layer, 1);
            assertEquals(191, red(image, 8, 8), 2, "the first pass's 0.75, through the second");
        }
    }

    @Test
    void aPersistentBufferCountsFramesAndATemporaryOneIsBlackUntilDrawn() throws Exception {
        try (ShaderLayer layer = open("counter-persistent.fs", 32, 16)) {
            BufferedImage image = render(layer, 20);
            GoldenImages.assertMatches("isf-persistent-counter", image, 1.0, 0.0);
            ImageStats stats = ImageStats.of(image);
            assertEquals(20, stats.meanRed(), 0.01, "one step of 1/255 a frame for 20 frames");
            assertEquals(128, stats.meanGreen(), 1, "the temporary buffer read before it is drawn is black every frame");
            assertEquals(255, stats.meanBlue(), 0.01, "and holds what was drawn into it later in the frame");
        }
    }

    @Test
    void aFeedbackTrailAfterTwentyFourFramesMatchesItsGoldenImage() throws Exception {
        try (ShaderLayer layer = open("trail-persistent.fs", 96, 48)) {
            BufferedImage image = render(layer, 24);
            GoldenImages.assertMatches("isf-persistent-trail", image, 1.5, 0.01);
            // The dot is at x = 0.1 + 23 * 0.035 = 0.905 now; the older the trail, the fainter (decay 0.9 a frame).
            ImageStats recent = ImageStats.of(image, 72, 0, 96, 48);
            ImageStats older = ImageStats.of(image, 24, 0, 48, 48);
            ImageStats oldest = ImageStats.of(image, 0, 0, 24, 48);
            assertTrue(recent.meanRed() > older.meanRed() && older.meanRed() > oldest.meanRed(),
                    "trail fades with age: " + recent + " " + older + " " + oldest);
            assertTrue(oldest.meanRed() > 0.2, "the first frames are still there, faintly: " + oldest);
        }
    }

    @Test
    void floatBuffersKeepValuesThatEightBitBuffersLose() throws Exception {
        try (ShaderLayer layer = open("float-accumulator.fs", 16, 16)) {
            BufferedImage floating = render(layer, 50);
            GoldenImages.assertMatches("isf-float-buffer", floating, 1.0, 0.0);
            assertEquals(Math.round(255 * 0.5), red(floating, 8, 8), 2, "50 x 0.001 x 10 in a FLOAT (RGBA16F) buffer");
        }
        try (ShaderLayer layer = open("float-accumulator.fs", 16, 16)) {
            layer.inputs().setBool(layer.inputs().index("useFloat"), false);
            BufferedImage bytes = render(layer, 50);
            assertEquals(0, red(bytes, 8, 8), "0.001 rounds to 0 in an 8-bit buffer, every frame");
        }
    }

    @Test
    void importedImagesAreReadRelativeToTheFileTheRightWayUp() throws Exception {
        try (ShaderLayer layer = open("imported.fs", 64, 32)) {
            BufferedImage image = render(layer, 1);
            GoldenImages.assertMatches("isf-imported", image, 1.0, 0.01);
            assertEquals(new Color(255, 0, 0).getRGB(), image.getRGB(4, 4), "top left of the PNG at the top left");
            assertEquals(new Color(0, 0, 255).getRGB(), image.getRGB(4, 28), "bottom left of the PNG at the bottom left");
            assertEquals(new Color(0, 255, 0).getRGB(), image.getRGB(60, 4), "IMG_PIXEL and IMG_SIZE (16x16) on the right");
            assertEquals(Color.WHITE.getRGB(), image.getRGB(60, 28));
        }
    }

    @Test
    void imageInputsSampleTheTextureTheShowGivesThem() throws Exception {
        Texture2D paper = ImageTextures.upload(ImageIO.read(shader("images/quadrants.png").toFile()));
        try (ShaderLayer layer = open("image-input.fs", 64, 64)) {
            BufferedImage unset = render(layer, 1);
            assertEquals(0, ImageStats.of(unset).meanRed() + ImageStats.of(unset).meanBlue(), 0.01, "no image yet: transparent black");
            layer.inputs().setImage(layer.inputs().index("paper"), paper);
            layer.inputs().setColor(layer.inputs().index("tint"), 1f, 1f, 0.5f, 1f);
            BufferedImage image = render(layer, 1);
            GoldenImages.assertMatches("isf-image-input", image, 1.0, 0.01);
            assertEquals(new Color(255, 0, 0).getRGB(), image.getRGB(2, 2), "tiled twice, red at the top left, _paper_imgSize is 16x16");
            assertEquals(new Color(255, 0, 0).getRGB(), image.getRGB(34, 2));
            assertEquals(new Color(255, 255, 128).getRGB(), image.getRGB(60, 60), 0x010101, "white tinted");
        } finally {
            paper.close();
        }
    }

    @Test
    void plainGlslLayersGetTheBuiltInsAndTheirUniformsAsInputs() throws Exception {
        try (ShaderLayer layer = open("plain.frag", 64, 36)) {
            assertEquals(ShaderDocument.Language.GLSL, layer.document().language());
            assertEquals(java.util.List.of("speed", "center", "ink"), layer.document().inputs().stream().map(InputSpec::name).toList());
            assertEquals(0.5f, layer.inputs().value(layer.inputs().index("speed")), "the initializer is the default");
            BufferedImage rings = render(layer, 12);
            GoldenImages.assertMatches("glsl-rings", rings, 1.5, 0.01);
            layer.inputs().setColor(layer.inputs().index("ink"), 0f, 0.5f, 1f, 1f);
            BufferedImage inked = render(layer, 1);
            assertEquals(new Color(0, 128, 255).getRGB(), inked.getRGB(10, 10), 0x010101);
        }
    }

    @Test
    void aCompanionVertexShaderRunsWithIsfVertShaderInit() throws Exception {
        try (ShaderLayer layer = open("mirrored.fs", 64, 8)) {
            BufferedImage image = render(layer, 1);
            assertEquals(red(image, 0, 4), green(image, 63, 4), 1, "the varying is the mirrored coordinate");
            assertTrue(red(image, 0, 4) > 250 && green(image, 0, 4) < 5, "left: mirrored x near 1, x near 0");
        }
    }

    @Test
    void eventsAreTrueForExactlyOneFrame() throws Exception {
        try (ShaderLayer layer = open("all-inputs.fs", 70, 10)) {
            ShaderInputs inputs = layer.inputs();
            FrameClock clock = clock();
            layer.update(clock);
            assertEquals(26, red(FrameReadback.read(layer.output()), 55, 5), 1, "not fired");
            inputs.fireEvent(inputs.index("flash"));
            next(clock);
            layer.update(clock);
            assertEquals(255, red(FrameReadback.read(layer.output()), 55, 5), "the frame after fireEvent");
            next(clock);
            layer.update(clock);
            assertEquals(26, red(FrameReadback.read(layer.output()), 55, 5), 1, "and only that frame");
        }
    }
}
