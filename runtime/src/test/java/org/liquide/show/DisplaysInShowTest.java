package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.render.output.DisplaySetup;
import org.liquide.render.output.SoftEdge;
import org.liquide.show.status.OutputStatus;
import org.liquide.showcase.ShowcaseConfig;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** A projector pair: each display shows its half of the picture, and a corner dragged in the panel bends it live. */
class DisplaysInShowTest {
    private static final Duration WITHIN = Await.GENEROUS;
    private static final double[][] FULL = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};

    @TempDir
    Path dir;

    private static DisplaySetup display(String name, float x0, float x1) {
        return new DisplaySetup(name, "", 80, 90, false, new float[]{x0, 0, x1, 1}, FULL, Optional.empty(), SoftEdge.NONE);
    }

    private static BufferedImage picture(ShowRuntime runtime, String display) {
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        Await.until(WITHIN, "the displays opened", () -> runtime.loop().displays() != null);
        runtime.loop().displays().requestReadback(display, image::set);
        Await.until(WITHIN, "display " + display + " read back", () -> image.get() != null);
        return image.get();
    }

    @Test
    void eachDisplayShowsItsRegionAndACornerMovesLive() throws Exception {
        Path scene = dir.resolve("scenes/moitie");
        Files.createDirectories(scene);
        Files.writeString(scene.resolve("halves.frag"), """
                #version 330
                uniform vec2 RENDERSIZE;
                out vec4 fragColor;
                void main() { fragColor = gl_FragCoord.x < RENDERSIZE.x * 0.5 ? vec4(1, 0, 0, 1) : vec4(0, 0, 1, 1); }
                """);
        Files.writeString(scene.resolve("scene.yaml"), "layers:\n  - {name: halves, type: shader, file: halves.frag}\n");
        ShowcaseConfig base = TestShowcases.config(dir, List.of("moitie"), Optional.empty(), false, List.of());
        ShowcaseConfig config = TestShowcases.withDisplays(base, List.of(display("gauche", 0, 0.5f), display("droite", 0.5f, 1)));
        try (ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen())) {
            Await.until(WITHIN, "the left display red", () -> (picture(runtime, "gauche").getRGB(40, 45) & 0xFFFFFF) == 0xFF0000);
            assertEquals(0x0000FF, picture(runtime, "droite").getRGB(40, 45) & 0xFFFFFF, "the right display shows the blue half");
            assertEquals(0xFF0000, picture(runtime, "gauche").getRGB(2, 2) & 0xFFFFFF, "the left display's corner is lit before the move");

            runtime.control().setWarpCorner("gauche", 0, 0.3, 0.3);
            int[] seen = {-1};
            Await.until(WITHIN, () -> "the moved corner leaves the top-left of the left display dark, saw "
                            + Integer.toHexString(seen[0]) + " with corners " + java.util.Arrays.deepToString(runtime.loop().displays().corners().get("gauche")),
                    () -> (seen[0] = picture(runtime, "gauche").getRGB(2, 2) & 0xFFFFFF) == 0);
            assertEquals(0x0000FF, picture(runtime, "droite").getRGB(2, 2) & 0xFFFFFF, "the other display is untouched");
            OutputStatus left = runtime.status().outputs().stream().filter(o -> o.name().equals("gauche")).findFirst().orElseThrow();
            assertArrayEquals(new double[]{0.3, 0.3}, left.corners().getFirst(), 1e-9, "the status reports the moved corner");
            assertEquals(List.of("gauche", "droite"), runtime.status().outputs().stream().map(OutputStatus::name).toList());

            assertThrows(IllegalArgumentException.class, () -> runtime.control().setWarpCorner("plafond", 0, 0.1, 0.1));
            IllegalArgumentException folded = assertThrows(IllegalArgumentException.class,
                    () -> runtime.control().setWarpCorner("gauche", 0, 0.5, 0.5), "three corners on a line fold the picture");
            assertTrue(folded.getMessage().contains("would fold the picture"), folded.getMessage());
            assertArrayEquals(new double[]{0.3, 0.3}, runtime.loop().displays().corners().get("gauche")[0], 1e-9, "a refused move keeps the corner");
        }
    }
}
