package org.liquide.show;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.app.ShowLauncher;
import org.liquide.hardware.testing.Await;
import org.liquide.sound.output.AudioOutput;
import org.liquide.testing.PulseServer;
import org.liquide.testing.Tones;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A storyboard cue's sound, in a running show on the private sound server: heard once when its cue fires,
 * the first cue's on the scene's first frame, and a cue without a sound is silent.
 */
class StoryboardSoundTest {
    private static final int RATE = 48_000;
    private static final int WINDOW = RATE / 20;

    @TempDir
    Path dir;

    /**
     * Where each burst of sound starts, in seconds, with its pitch: a 50 ms window louder than the background
     * half a second or more after the last loud one (a dropout of a loaded sound server does not split a burst).
     */
    private static List<double[]> bursts(float[] heard) {
        List<double[]> bursts = new ArrayList<>();
        int lastLoud = -RATE;
        for (int at = 0; at + WINDOW <= heard.length; at += WINDOW) {
            if (Tones.rms(heard, at, at + WINDOW) > 0.05) {
                if (at - lastLoud >= RATE / 2) {
                    bursts.add(new double[]{at / (double) RATE, Tones.frequency(heard, at, Math.min(heard.length, at + 4 * WINDOW), RATE)});
                }
                lastLoud = at;
            }
        }
        return bursts;
    }

    @Test
    void eachCuesSoundIsHeardOnceWhenItsCueFires() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenes").resolve("gong"));
        Files.writeString(folder.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.1, 0.2, 0.3, 1.0); }\n");
        Tones.writeWav(folder.resolve("gong.wav"), Tones.sine(880, 0.5, 0.4, RATE), RATE);
        Tones.writeWav(folder.resolve("cloche.wav"), Tones.sine(1320, 0.5, 0.4, RATE), RATE);
        Files.writeString(folder.resolve("scene.yaml"), """
                transition: 0s
                layers:
                  - {name: fond, type: shader, file: fond.frag}
                storyboard:
                  loop: false
                  cues:
                    - at: 0s
                      sound: {file: gong.wav, gain: -6}
                    - at: 1s
                      set: {layer.fond.opacity: 0.5}
                    - at: 2.5s
                      sound: cloche.wav
                """);
        Path silent = Files.createDirectories(dir.resolve("scenes").resolve("attente"));
        Files.writeString(silent.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 0.0, 0.0, 1.0); }\n");
        Files.writeString(silent.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        var config = TestShowcases.withSound(TestShowcases.config(dir, List.of("attente", "gong"), Optional.empty(), false, List.of()));
        PulseServer server = PulseServer.shared();
        try (PulseServer.Recording recording = server.recordOutput(RATE);
             ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen())) {
            // Sounds cued while the output's device is still opening play when it opens, together: the gong's scene
            // comes on once the output plays, so that each cue is heard at its own time.
            AudioOutput output = runtime.audioOutput().orElseThrow();
            Await.until(Await.GENEROUS, "the output playing", () -> output.state() == AudioOutput.State.PLAYING);
            runtime.control().switchScene("gong");
            Await.until(Await.GENEROUS, () -> "the gong and the bell heard: " + describe(bursts(recording.samples())),
                    () -> bursts(recording.samples()).size() >= 2);
            int heardBoth = recording.samples().length;
            Await.until(Await.GENEROUS, "two seconds more recorded", () -> recording.samples().length > heardBoth + 2 * RATE);
            List<double[]> bursts = bursts(recording.samples());
            assertEquals(2, bursts.size(), "each cue's sound once, the cue at 1 s silent: " + describe(bursts));
            assertEquals(880, bursts.get(0)[1], 15, "the gong first, on the scene's first frame: " + describe(bursts));
            assertEquals(1320, bursts.get(1)[1], 15, "then the bell: " + describe(bursts));
            assertTrue(runtime.loop().failure() == null, "the show renders on");
        }
    }

    private static String describe(List<double[]> bursts) {
        return bursts.stream().map(b -> String.format("%.2f s (%.0f Hz)", b[0], b[1])).toList().toString();
    }
}
