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
    private static final double GONG = 880;
    private static final double BELL = 1320;

    @TempDir
    Path dir;

    /**
     * Where each sound of pitch {@code hertz} starts, in seconds: a 50 ms window where that pitch sounds, half a
     * second or more after the last window where it did (a dropout of a loaded sound server does not split a
     * sound). Each pitch is followed on its own, so that two sounds a stalled server plays together are both heard.
     */
    private static List<Double> onsets(float[] heard, double hertz) {
        List<Double> onsets = new ArrayList<>();
        int lastLoud = -RATE;
        for (int at = 0; at + WINDOW <= heard.length; at += WINDOW) {
            if (Tones.amplitude(heard, at, at + WINDOW, hertz, RATE) > 0.05) {
                if (at - lastLoud >= RATE / 2) {
                    onsets.add(at / (double) RATE);
                }
                lastLoud = at;
            }
        }
        return onsets;
    }

    @Test
    void eachCuesSoundIsHeardOnceWhenItsCueFires() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenes").resolve("gong"));
        Files.writeString(folder.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.1, 0.2, 0.3, 1.0); }\n");
        Tones.writeWav(folder.resolve("gong.wav"), Tones.sine(GONG, 0.5, 0.4, RATE), RATE);
        Tones.writeWav(folder.resolve("cloche.wav"), Tones.sine(BELL, 0.5, 0.4, RATE), RATE);
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
            Await.until(Await.GENEROUS, "the output playing and recorded", () -> output.state() == AudioOutput.State.PLAYING
                    && recording.seconds() > 0.5);
            runtime.control().switchScene("gong");
            Await.until(Await.GENEROUS, () -> "the gong and the bell heard: " + describe(recording.samples()),
                    () -> !onsets(recording.samples(), GONG).isEmpty() && !onsets(recording.samples(), BELL).isEmpty());
            int heardBoth = recording.samples().length;
            Await.until(Await.GENEROUS, "two seconds more recorded", () -> recording.samples().length > heardBoth + 2 * RATE);
            float[] heard = recording.samples();
            List<Double> gongs = onsets(heard, GONG);
            List<Double> bells = onsets(heard, BELL);
            assertEquals(1, gongs.size(), "the gong once: " + describe(heard));
            assertEquals(1, bells.size(), "the bell once, the cue at 1 s silent: " + describe(heard));
            assertTrue(gongs.getFirst() <= bells.getFirst(), "the gong first, on the scene's first frame: " + describe(heard));
            assertTrue(runtime.loop().failure() == null, "the show renders on");
        }
    }

    private static String describe(float[] heard) {
        return String.format("gong at %s s, bell at %s s, in %.1f s recorded", onsets(heard, GONG), onsets(heard, BELL),
                heard.length / (double) RATE);
    }
}
