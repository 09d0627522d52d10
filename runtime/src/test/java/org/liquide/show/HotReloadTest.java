package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.CapturedLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Edits while the show runs: applied within a second, and an invalid edit keeps what was on screen. */
class HotReloadTest {
    private static final Duration WITHIN = Await.GENEROUS;
    /** The show's start and its first scene (javac's first compile among them) on a busy machine. */
    private static final Duration STARTED = Await.GENEROUS;

    @TempDir
    Path dir;

    private static String solid(String rgb) {
        return "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(" + rgb + ", 1.0); }\n";
    }



    @Test
    void shaderSketchAndSceneEditsApplyLiveAndBrokenOnesKeepTheRunningVersion() throws Exception {
        Path scene = dir.resolve("scenes/atelier");
        Files.createDirectories(scene.resolve("sketches"));
        Files.writeString(scene.resolve("fond.frag"), solid("1.0, 0.0, 0.0"));
        Files.writeString(scene.resolve("sketches/Carre.java"), """
                package sketch.atelier;
                public class Carre extends org.liquide.sketch.Sketch {
                    public void draw() { clear(); }
                }
                """);
        Files.writeString(scene.resolve("scene.yaml"), """
                layers:
                  - {name: fond, type: shader, file: fond.frag}
                  - {name: carre, type: sketch, class: Carre, size: 160x90, fps: 30}
                """);
        try (ShowRuntime runtime = ShowLauncher.start(TestShowcases.config(dir, List.of("atelier"), Optional.empty(), false, List.of()),
                TestShowcases.offscreen())) {
            ShowFrames.awaitCentre(runtime, 0xFF0000, WITHIN, "the red shader");

            Files.writeString(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(1.0, 0.0 0.0, 1.0); }\n");
            Await.until(WITHIN, "the compile error reported", () -> runtime.reloadError().contains("fond.frag:3"));
            assertEquals(0xFF0000, ShowFrames.centre(runtime), "the broken shader did not replace the running one");

            Files.writeString(scene.resolve("fond.frag"), solid("0.0, 0.0, 1.0"));
            ShowFrames.awaitCentre(runtime, 0x0000FF, WITHIN, "the fixed shader, now blue");

            Files.writeString(scene.resolve("sketches/Carre.java"), """
                    package sketch.atelier;
                    public class Carre extends org.liquide.sketch.Sketch {
                        public void draw() { background(0, 255, 0); }
                    }
                    """);
            ShowFrames.awaitCentre(runtime, 0x00FF00, WITHIN, "the edited sketch, green over the shader");

            Files.writeString(scene.resolve("sketches/Carre.java"), "package sketch.atelier; public class Carre extends org.liquide.sketch.Sketch { public void draw() { fill( } }");
            Await.until(WITHIN, "the sketch compile error reported", () -> runtime.reloadError().contains("Carre.java:1"));
            assertEquals(0x00FF00, ShowFrames.centre(runtime), "the broken sketch did not replace the running one");

            Files.writeString(scene.resolve("scene.yaml"), """
                    layers:
                      - {name: fond, type: shader, file: fond.frag}
                      - {name: carre, type: sketch, class: Carre, size: 160x90, fps: 30, opacity: nope}
                    """);
            Await.until(WITHIN, "the scene error reported", () -> runtime.reloadError().contains("'opacity' must be between 0 and 1"));
            assertEquals(0x00FF00, ShowFrames.centre(runtime), "the invalid scene did not replace the running one");

            Files.writeString(scene.resolve("sketches/Carre.java"), """
                    package sketch.atelier;
                    public class Carre extends org.liquide.sketch.Sketch {
                        public void draw() { background(0, 255, 0); }
                    }
                    """);
            Files.writeString(scene.resolve("scene.yaml"), """
                    layers:
                      - {name: fond, type: shader, file: fond.frag}
                    """);
            ShowFrames.awaitCentre(runtime, 0x0000FF, WITHIN, "the scene without its sketch layer");
            assertEquals(0, runtime.loop().failure() == null ? 0 : 1, "rendering never stopped");
        }
    }

    @Test
    void aSceneRefusedAtStartIsShownOnceItsFilesAreFixed() throws Exception {
        Path scene = dir.resolve("scenes/essai");
        Files.createDirectories(scene.resolve("sketches"));
        Files.writeString(scene.resolve("fond.frag"), solid("1.0, 0.0, 0.0"));
        Files.writeString(scene.resolve("sketches/Carre.java"),
                "package sketch.essai; public class Carre extends org.liquide.sketch.Sketch { public void draw() { fill( } }");
        Files.writeString(scene.resolve("scene.yaml"), """
                layers:
                  - {name: fond, type: shader, file: fond.frag}
                  - {name: carre, type: sketch, class: Carre, size: 160x90, fps: 30}
                """);
        try (ShowRuntime runtime = ShowLauncher.start(TestShowcases.config(dir, List.of("essai"), Optional.empty(), false, List.of()),
                TestShowcases.offscreen())) {
            Await.until(STARTED, "the sketch compile error reported", () -> runtime.reloadError().contains("Carre.java:1"));
            assertEquals(0x000000, ShowFrames.centre(runtime), "nothing on screen: the only scene was refused");

            Files.writeString(scene.resolve("sketches/Carre.java"),
                    "package sketch.essai; public class Carre extends org.liquide.sketch.Sketch { public void draw() { clear(); } }");
            ShowFrames.awaitCentre(runtime, 0xFF0000, Await.GENEROUS, "the scene, fixed, on screen without a restart");
        }
    }

    @Test
    void aShaderEditSavedThroughATemporaryFileSwapsTheShaderAndItsErrorIsLoggedOnce() throws Exception {
        Path scene = dir.resolve("scenes/atelier");
        Files.createDirectories(scene);
        Files.writeString(scene.resolve("fond.frag"), solid("1.0, 0.0, 0.0"));
        Files.writeString(scene.resolve("scene.yaml"), "layers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        try (CapturedLog log = CapturedLog.of("org.liquide");
             ShowRuntime runtime = ShowLauncher.start(TestShowcases.config(dir, List.of("atelier"), Optional.empty(), false, List.of()),
                TestShowcases.offscreen())) {
            ShowFrames.awaitCentre(runtime, 0xFF0000, WITHIN, "the red shader");

            saveAsSedDoes(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(1.0, 0.0 0.0, 1.0); }\n");
            Await.until(WITHIN, "the compile error reported", () -> runtime.reloadError().contains("fond.frag:3"));
            saveAsSedDoes(scene.resolve("fond.frag"), solid("0.0, 0.0, 1.0"));
            ShowFrames.awaitCentre(runtime, 0x0000FF, WITHIN, "the fixed shader, now blue");

            List<String> lines = log.messages();
            assertEquals(1, lines.stream().filter(line -> line.contains("fond.frag:3")).count(), "one line for the error: " + lines);
            assertTrue(lines.stream().noneMatch(line -> line.contains("changed: reloading")), "only the shader was swapped: " + lines);
        }
    }

    /** sed -i and many editors write a temporary file beside the file, then rename it over the file. */
    private static void saveAsSedDoes(Path file, String text) throws java.io.IOException {
        Path temporary = file.resolveSibling("sedA1b2C3");
        Files.writeString(temporary, text);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
