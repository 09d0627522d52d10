package org.liquide.scene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.render.BlendMode;
import org.liquide.render.Compositor;
import org.liquide.render.FitMode;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.scene.model.Cue;
import org.liquide.scene.model.FilterDefinition;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.liquide.scene.model.MappingDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.show.stage.Stage;
import org.liquide.show.stage.StageCommand;
import org.liquide.signal.SignalBus;
import org.liquide.signal.filter.Curve;
import org.liquide.testing.CameralessSceneResources;
import org.liquide.testing.OffscreenGl;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(OffscreenGl.class)
class StageTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private long now = 1_000 * MS;
    private final SignalBus bus = new SignalBus(() -> now);
    private final SceneResources resources = new CameralessSceneResources(bus, 64, 36);

    private Path solid(String name, Color color) throws Exception {
        BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 16, 9);
        g.dispose();
        Path file = dir.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private SceneDefinition scene(String name, Color color, List<MappingDefinition> mappings, List<Cue> cues) throws Exception {
        LayerLook look = new LayerLook(BlendMode.NORMAL, 1, FitMode.STRETCH, false, Optional.empty(), 0.35, 0.1, new float[]{0, 0, 1, 1});
        return new SceneDefinition(name, dir, "", GeneratorSettings.DEFAULT,
                List.of(new LayerDefinition.Image("fond", solid(name, color), look)), mappings, 1.0, Optional.empty(), cues, false);
    }

    private final FrameClock clock = new FrameClock();

    private int frame(Stage stage, Compositor compositor) {
        now += 16 * MS;
        clock.advance(now);
        BufferedImage image = FrameReadback.read(stage.render(clock, compositor));
        return image.getRGB(32, 18) & 0xFFFFFF;
    }

    @Test
    void scenesCrossfadeBlackoutFadesAndSleepGoesBlack() throws Exception {
        List<String> shown = new ArrayList<>();
        try (Compositor compositor = new Compositor(64, 36); Stage stage = new Stage(resources, s -> shown.add(s.name()))) {
            assertEquals(0, frame(stage, compositor), "black before any scene");
            stage.offer(new StageCommand.Show(ScenePreparer.prepare(scene("rouge", Color.RED, List.of(), List.of()), resources), 0));
            assertEquals(0xFF0000, frame(stage, compositor));

            stage.offer(new StageCommand.Show(ScenePreparer.prepare(scene("bleu", Color.BLUE, List.of(), List.of()), resources), 0.5));
            frame(stage, compositor);
            for (int i = 0; i < 14; i++) {
                frame(stage, compositor);
            }
            int middle = frame(stage, compositor);
            assertTrue((middle >> 16 & 0xFF) > 60 && (middle & 0xFF) > 60, "halfway: red and blue mixed, got " + Integer.toHexString(middle));
            for (int i = 0; i < 20; i++) {
                frame(stage, compositor);
            }
            assertEquals(0x0000FF, frame(stage, compositor), "after the transition only the new scene");
            assertEquals(List.of("rouge", "bleu"), shown);

            stage.offer(new StageCommand.Blackout(true, 0.1));
            for (int i = 0; i < 10; i++) {
                frame(stage, compositor);
            }
            assertEquals(0, frame(stage, compositor), "blacked out");
            stage.offer(new StageCommand.Blackout(false, 0));
            assertEquals(0x0000FF, frame(stage, compositor), "back at once");

            stage.offer(new StageCommand.Sleep());
            assertEquals(0, frame(stage, compositor), "asleep: black");
            assertTrue(stage.idle());
            assertNull(stage.current());
        }
    }

    @Test
    void thePictureWithoutVisitorsCrossfadesAndBlacksOutLikeThePictureOnScreen() throws Exception {
        try (Compositor compositor = new Compositor(64, 36); Stage stage = new Stage(resources, s -> { })) {
            stage.offer(new StageCommand.Show(ScenePreparer.prepare(scene("rouge", Color.RED, List.of(), List.of()), resources), 0));
            frame(stage, compositor);
            stage.offer(new StageCommand.Show(ScenePreparer.prepare(scene("bleu", Color.BLUE, List.of(), List.of()), resources), 0.5));
            stage.offer(new StageCommand.Blackout(true, 2));
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int onScreen = frame(stage, compositor);
                int kept = FrameReadback.read(stage.renderWithoutVisitors(clock, 64, 36)).getRGB(32, 18) & 0xFFFFFF;
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertEquals(onScreen >> shift & 0xFF, kept >> shift & 0xFF, 1,
                            "frame " + i + ": on screen " + Integer.toHexString(onScreen) + ", kept " + Integer.toHexString(kept));
                }
                seen.add(onScreen);
            }
            int middle = seen.get(15);
            assertTrue((middle >> 16 & 0xFF) > 40 && (middle & 0xFF) > 40, "halfway: red and blue mixed, got " + Integer.toHexString(middle));
            int last = seen.getLast();
            assertTrue((last >> 16 & 0xFF) == 0 && (last & 0xFF) > 100 && (last & 0xFF) < 255,
                    "after the transition, blue dimmed by the blackout fading in, got " + Integer.toHexString(last));
        }
    }

    @Test
    void mappingsSteerLayersFromSignalsAndReturnToDefaultsWhenStale() throws Exception {
        MappingDefinition opacity = new MappingDefinition("entree/distance", 0,
                List.of(new FilterDefinition.Remap(300, 2500, 1, 0, Curve.LINEAR, 1)), "layer.fond.opacity", 0.0, 0.2, 0);
        try (Compositor compositor = new Compositor(64, 36); Stage stage = new Stage(resources, s -> { })) {
            stage.offer(new StageCommand.Show(ScenePreparer.prepare(scene("proche", Color.WHITE, List.of(opacity), List.of()), resources), 0));
            assertEquals(0, frame(stage, compositor), "default opacity 0 while nobody is measured");
            bus.publish("node", "entree/distance", new double[]{300}, 1, 0);
            assertEquals(0xFFFFFF, frame(stage, compositor), "a visitor at 30 cm: fully visible");
            bus.publish("node", "entree/distance", new double[]{1400}, 1, 0);
            int half = frame(stage, compositor) & 0xFF;
            assertEquals(128, half, 2, "at 1.4 m: half");
            now += 300 * MS;
            assertEquals(0, frame(stage, compositor), "the sensor fell silent: back to the default");
        }
    }

    @Test
    void storyboardCuesSetTargetsAtTheirTime() throws Exception {
        Cue hide = new Cue(0.5, Optional.empty(), 0, Map.of("layer.fond.opacity", 0.0));
        try (Compositor compositor = new Compositor(64, 36); Stage stage = new Stage(resources, s -> { })) {
            stage.offer(new StageCommand.Show(ScenePreparer.prepare(scene("script", Color.GREEN, List.of(), List.of(hide)), resources), 0));
            assertEquals(0x00FF00, frame(stage, compositor));
            for (int i = 0; i < 40; i++) {
                frame(stage, compositor);
            }
            assertEquals(0, frame(stage, compositor), "the cue at 0.5 s hid the layer");
        }
    }
}
