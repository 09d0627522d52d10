package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.control.PanelDriver;
import org.liquide.hardware.testing.Await;
import org.liquide.render.OutputSettings;
import org.liquide.showcase.OpeningHours;
import org.liquide.showcase.SyncRole;
import org.liquide.showcase.CameraConfig;
import org.liquide.showcase.ControlConfig;
import org.liquide.showcase.OutputConfig;
import org.liquide.showcase.PlaylistEntry;
import org.liquide.showcase.RecordingConfig;
import org.liquide.showcase.ScheduleConfig;
import org.liquide.showcase.ShowcaseConfig;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The panel end to end against the real {@link ShowRuntime}: a showcase of two solid-colour scenes (red,
 * blue) with its control panel on, a technician in headless Chromium signing in with the token from the
 * token file and tapping the blue scene's button; the rendered output (read back from the render loop)
 * and the preview the page shows turn blue. Then a recording and a snapshot from the panel appear in
 * the journal view with the scenes the real journal noted, and the recording plays in the browser.
 */
class PanelWithShowTest {
    private static final Duration WITHIN = Await.GENEROUS;
    private static final Path SCREENSHOTS = Path.of("target", "panel-screenshots");

    @TempDir
    Path dir;

    private static String solid(String rgb) {
        return "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(" + rgb + ", 1.0); }";
    }

    private void scene(String name, String rgb) throws Exception {
        Path folder = dir.resolve("scenes").resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".frag"), solid(rgb));
        Files.writeString(folder.resolve("scene.yaml"), "description: Tout en " + name + ".\n"
                + "layers:\n  - {name: fond, type: shader, file: " + name + ".frag}\n");
    }

    /** As {@link TestShowcases#config}, without cameras, with the control panel on a free port (0). */
    private ShowcaseConfig config(Path tokenFile) {
        return config(tokenFile, 0, List.of());
    }

    private ShowcaseConfig config(Path tokenFile, int port, List<CameraConfig> cameras) {
        return new ShowcaseConfig(dir.resolve("showcase.yaml"), "test", "test-machine", new OutputConfig(160, 90, 60), List.of(),
                cameras, Optional.empty(), Optional.empty(), List.of(), false, Map.of(),
                dir.resolve("scenes"), new ScheduleConfig(OpeningHours.always(ZoneId.of("Europe/Paris")), Optional.empty(), Optional.empty()),
                List.of(new PlaylistEntry("red", 3600, 0), new PlaylistEntry("blue", 3600, 0)),
                new ControlConfig(true, "127.0.0.1", port, tokenFile, false),
                new RecordingConfig(dir.resolve("journal"), 0, false), SyncRole.PEER);
    }

    @Test
    void tappingTheBlueSceneInThePanelTurnsTheRealOutputBlue() throws Exception {
        scene("red", "1.0, 0.0, 0.0");
        scene("blue", "0.0, 0.0, 1.0");
        Path tokenFile = dir.resolve("control").resolve("token");
        RunOptions options = new RunOptions(OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(30),
                false, true, Optional.empty(), true);
        try (ShowRuntime runtime = ShowLauncher.start(config(tokenFile), options);
             PanelDriver panel = PanelDriver.open(runtime.panelUrl().orElseThrow())) {
            ShowFrames.awaitCentre(runtime, 0xFF0000, WITHIN, "the red scene on stage");

            String token = Files.readString(tokenFile).strip();
            panel.timeZone("Europe/Paris").phone().login(token);
            panel.awaitText("#scene-current", "red");
            awaitPreview(panel, 0xFF0000, "the page's preview of the red scene");

            panel.clickScene("blue");
            ShowFrames.awaitCentre(runtime, 0x0000FF, WITHIN, "the blue scene rendered after the tap");
            awaitPreview(panel, 0x0000FF, "the page's preview turned blue");
            panel.awaitText("#scene-current", "blue");
            panel.awaitText("#scene-description", "Tout en blue.");
            assertEquals("true", panel.evaluate("document.querySelector('#scenes button[data-scene=\"blue\"]').getAttribute('aria-pressed')"));

            // Recording from the panel: the toggle shows the red dot and the time, then the file is finished.
            panel.click("#record");
            Await.until(WITHIN, "the recording badge", () -> panel.visible("#badge-recording .dot"));
            panel.awaitText("#badge-recording .elapsed", s -> s.matches("0:0[2-9]"), "two seconds recorded");
            panel.click("#record");
            Await.until(WITHIN, "the recording stopped", () -> !panel.visible("#badge-recording"));
            panel.awaitText("#toasts", s -> s.contains("Recording saved:"), "the recording's file");

            // A snapshot from the panel lands in the real journal, and the journal view shows that very file.
            // (Not asserted blue: the show's snapshot is the journal tap's latest frame, taken once a second,
            // so right after a crossfade it can still show the fade; the report to the runtime says so.)
            panel.click("#snapshot");
            String toast = panel.awaitText("#toasts", s -> s.contains("Snapshot written:"), "the snapshot's path");
            Matcher written = Pattern.compile("Snapshot written: (\\S+\\.jpg)").matcher(toast);
            assertTrue(written.find(), toast);
            Path file = Path.of(written.group(1));
            BufferedImage onDisk = javax.imageio.ImageIO.read(file.toFile());
            int snapshot = onDisk.getRGB(80, 45) & 0xFFFFFF;
            assertTrue(((snapshot >> 8) & 0xff) < 16 && ((snapshot >> 16) & 0xff) + (snapshot & 0xff) > 200,
                    String.format("the snapshot is a frame of the red and blue show: #%06x", snapshot));
            String day = file.getParent().getFileName().toString();
            panel.navigate("/#journal/" + day);
            Await.until(WITHIN, "the journal of " + day, () -> day.equals(panel.evaluate("document.body.dataset.journal || ''")));
            String thumb = "#journal-sheet button.thumb[data-file$=\"/" + file.getFileName() + "\"] img";
            Await.until(WITHIN, "the snapshot's thumbnail decoded", () -> Boolean.TRUE.equals(panel.evaluate(
                    "(() => { const i = document.querySelector('" + thumb.replace("'", "\\'") + "'); return !!i && i.complete && i.naturalWidth === 160; })()")));
            assertNear(snapshot, panel.imageColor(thumb, 0.5, 0.5), "the contact sheet shows the journal's file");
            panel.awaitText("#journal-scenes", s -> s.contains("red") && s.contains("blue"), "the scenes the journal noted");
            panel.awaitText("#journal-changes", s -> s.contains("first version"), "the scene files' first versions");
            String frames = panel.awaitText("#journal-recordings", s -> s.matches("(?s).*[1-9]\\d* frames.*"), "the recording and its frames");
            panel.screenshot(SCREENSHOTS.resolve("show-journal-phone.png"));

            // The recording's link plays in the browser (the file's own CSP lets the browser's player load it).
            String link = String.valueOf(panel.evaluate("new URL(document.querySelector('#journal-recordings a').href).pathname"));
            panel.navigate(link);
            Await.until(WITHIN, () -> "the recording playable (" + frames + "; page errors: " + panel.pageErrors() + ")",
                    () -> Boolean.TRUE.equals(panel.evaluate("(() => { const v = document.querySelector('video'); return !!v && v.readyState >= 1 && v.duration > 1; })()")));
            assertEquals(List.of(), panel.pageErrors(), "JavaScript or CSP errors on the page");
        }
    }

    @Test
    void aPanelThatCannotListenStopsTheStartAndWhatItHadStarted() throws Exception {
        scene("red", "1.0, 0.0, 0.0");
        scene("blue", "0.0, 0.0, 1.0");
        RunOptions options = new RunOptions(OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(30),
                false, true, Optional.empty(), true);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ShowcaseConfig config = config(dir.resolve("token"), taken.getLocalPort(), List.of(new CameraConfig("salle", "test", true, false)));
            assertThrows(RuntimeException.class, () -> ShowLauncher.start(config, options), "the port is taken");
        }
        Await.until(WITHIN, () -> "the show's threads stopped: " + showThreads(), () -> showThreads().isEmpty());
    }

    private static List<String> showThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("liquide-render") || name.startsWith("liquide-camera") || name.startsWith("liquide-vision")
                        || name.startsWith("liquide-preview") || name.startsWith("liquide-journal"))
                .sorted().toList();
    }



    private static void awaitPreview(PanelDriver panel, int rgb, String what) {
        int[] last = {-1};
        Await.until(WITHIN, () -> what + ": the page shows #" + Integer.toHexString(last[0]), () -> {
            if (panel.previewLoads("main") == 0) {
                return false;
            }
            last[0] = panel.previewColor("main", 0.5, 0.5);
            return near(rgb, last[0]);
        });
    }

    /** JPEG is lossy: each channel within 12. */
    private static boolean near(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((expected >> shift) & 0xff) - ((actual >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }

    private static void assertNear(int expected, int actual, String what) {
        assertTrue(near(expected, actual), String.format("%s: expected about #%06x, got #%06x", what, expected, actual));
    }
}
