package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.render.BlendMode;
import org.liquide.render.Compositor;
import org.liquide.render.FitMode;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderLayer;
import org.liquide.scene.SceneResources;
import org.liquide.scene.ScenePreparer;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.show.stage.Stage;
import org.liquide.show.stage.StageCommand;
import org.liquide.signal.SignalBus;
import org.liquide.testing.GoldenImages;
import org.liquide.testing.CameralessSceneResources;
import org.liquide.testing.OffscreenGl;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code liquide shader} is the artist's check of what a scene will show: for the same layers (a photo
 * and a filter over it, an input set, a few frames of TIME) the show's stage and the command draw the
 * same picture.
 */
@ExtendWith(OffscreenGl.class)
class ShowDrawsLikeShaderCommandTest {
    private static final int WIDTH = 96;
    private static final int HEIGHT = 54;
    private static final int FRAMES = 4;
    /** A filter whose picture depends on its input image, an input, TIME and the pixel's place. */
    private static final String FILTER = """
            /*{
              "DESCRIPTION": "waves over the photo",
              "INPUTS": [
                {"NAME": "inputImage", "TYPE": "image"},
                {"NAME": "amount", "TYPE": "float", "DEFAULT": 0.2, "MIN": 0.0, "MAX": 1.0}
              ]
            }*/
            void main() {
                vec4 photo = IMG_THIS_PIXEL(inputImage);
                vec2 uv = isf_FragNormCoord;
                vec3 wave = 0.5 + 0.5 * cos(6.2831 * (uv.xyx * 2.0 + TIME * 3.0 + vec3(0.0, 0.33, 0.67)));
                gl_FragColor = vec4(mix(photo.rgb, wave, amount), 1.0);
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theShowAndLiquideShaderDrawTheSameImageForTheSameLayers() throws Exception {
        Path shader = Files.writeString(dir.resolve("waves.fs"), FILTER);
        BufferedImage photo = ShaderCommand.testImage(WIDTH, HEIGHT);
        Path photoFile = dir.resolve("photo.png");
        ImageIO.write(photo, "png", photoFile.toFile());

        BufferedImage command = ShaderCommand.render(ShaderLayer.open(ShaderDocument.load(shader), WIDTH, HEIGHT), photo,
                WIDTH, HEIGHT, FRAMES, inputs -> inputs.setFromText(inputs.index("amount"), "0.7"));
        BufferedImage show = showOf(List.of(
                new LayerDefinition.Image("photo", photoFile, look()),
                new LayerDefinition.Shader("waves", shader, Map.of("amount", "0.7"), look())));

        GoldenImages.assertAlike("show-vs-liquide-shader", command, show, 1.0, 0.002);
        assertTrue(differs(command, photo), "the filter changed the photo (the comparison is not of two copies of it)");
    }

    /** The scene through the show's stage, its frames at the times {@code liquide shader} gives them. */
    private BufferedImage showOf(List<LayerDefinition> layers) throws Exception {
        SignalBus bus = new SignalBus(System::nanoTime);
        SceneResources resources = new CameralessSceneResources(bus, WIDTH, HEIGHT);
        SceneDefinition scene = new SceneDefinition("waves", dir, "", GeneratorSettings.DEFAULT, layers, List.of(), 1.0,
                Optional.empty(), List.of(), false);
        try (Compositor compositor = new Compositor(WIDTH, HEIGHT); Stage stage = new Stage(resources, s -> { })) {
            stage.offer(new StageCommand.Show(ScenePreparer.prepare(scene, resources), 0));
            FrameClock clock = new FrameClock();
            Framebuffer frame = null;
            for (int i = 0; i < FRAMES; i++) {
                clock.advance(Math.round(i * 1e9 / 60.0));
                frame = stage.render(clock, compositor);
            }
            return FrameReadback.read(frame);
        }
    }

    /** The look {@code liquide shader} gives its layers (a layer style's defaults). */
    private static LayerLook look() {
        return new LayerLook(BlendMode.NORMAL, 1, FitMode.FILL, false, Optional.empty(), 0.35, 0.1, new float[]{0, 0, 1, 1});
    }

    private static boolean differs(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                total += Math.abs((a.getRGB(x, y) & 0xFF) - (b.getRGB(x, y) & 0xFF));
            }
        }
        return total > (long) a.getWidth() * a.getHeight() * 8;
    }
}
