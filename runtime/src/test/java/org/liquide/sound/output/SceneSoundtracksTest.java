package org.liquide.sound.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.Problems;
import org.liquide.hardware.testing.Await;
import org.liquide.signal.SignalBus;
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.SceneSound;
import org.liquide.sound.SceneSoundReader;
import org.liquide.sound.SoundControl;
import org.liquide.testing.PulseServer;
import org.liquide.testing.Tones;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scene's {@code sound:} section: read with its mistakes located, and played when the scene comes on. */
class SceneSoundtracksTest {
    private static final int RATE = AudioOutput.RATE;

    @TempDir
    Path scenes;

    private Path scene(String name, String sound) throws Exception {
        Path folder = Files.createDirectories(scenes.resolve(name));
        Files.writeString(folder.resolve("scene.yaml"), "layers:\n  - {name: fond, type: generate}\n" + sound);
        return folder;
    }

    @Test
    void theSceneFileNamesBedsSamplesAndSynthsWithSignals() throws Exception {
        Path folder = scene("salle", """
                sound:
                  beds:
                    - {file: rain.wav, gain: -12}
                  samples:
                    - {file: bell.wav, trigger: entree/presence, rate: 1.5}
                  synths:
                    - {wave: saw, pitch: {signal: entree/distance, in: [400, 2500], out: [880, 110], default: 220}, gain: -18}
                """);
        Tones.writeWav(folder.resolve("rain.wav"), Tones.sine(200, 0.1, 0.1, RATE), RATE);
        Tones.writeWav(folder.resolve("bell.wav"), Tones.sine(800, 0.1, 0.1, RATE), RATE);
        Problems problems = new Problems("scene.yaml");
        SceneSound sound = SceneSoundReader.load(folder, problems);
        assertTrue(!problems.any(), problems.inFileOrder().toString());
        assertEquals(new SceneSound.Bed(folder.resolve("rain.wav"), new SoundControl.Fixed(-12), new SoundControl.Fixed(1)), sound.beds().getFirst());
        assertEquals("entree/presence", sound.samples().getFirst().trigger());
        SoundControl.FromSignal pitch = (SoundControl.FromSignal) sound.synths().getFirst().pitchHz();
        assertEquals(SceneSound.Wave.SAW, sound.synths().getFirst().wave());
        assertEquals(880, pitch.map(100), 1e-9, "clamped to the range");
        assertEquals(495, pitch.map(1450), 1e-9);
        assertEquals(220, pitch.fallback());
    }

    @Test
    void mistakesAreLocatedInTheSceneFile() throws Exception {
        Path folder = scene("salle", """
                sound:
                  beds:
                    - {file: nowhere.wav}
                  synths:
                    - {wave: square, pitch: 5}
                    - {pitch: {signal: a/b, out: [100]}, volume: 1}
                """);
        Problems problems = new Problems(folder.resolve("scene.yaml").toString());
        SceneSoundReader.load(folder, problems);
        List<String> errors = located(problems.inFileOrder(), folder);
        assertHas(errors, "scene.yaml:5:14", "sound file not found: nowhere.wav");
        assertHas(errors, "scene.yaml:7:14", "square");
        assertHas(errors, "scene.yaml:7:29", "20 to 20000 Hz");
        assertHas(errors, "scene.yaml:8:", "two numbers");
        assertHas(errors, "scene.yaml:8:", "volume");
    }

    @Test
    void storyboardCuesNameTheirSoundsAndTheSceneFileLocatesTheirMistakes() throws Exception {
        Path folder = scene("salle", """
                storyboard:
                  cues:
                    - {at: 0s, sound: gong.wav}
                    - {at: 5s, set: {layer.fond.opacity: 0.5}}
                    - {at: 9s, sound: {file: gong.wav, gain: -6, rate: 0.5}}
                """);
        Tones.writeWav(folder.resolve("gong.wav"), Tones.sine(880, 0.1, 0.1, RATE), RATE);
        Problems problems = new Problems("scene.yaml");
        SceneSound sound = SceneSoundReader.load(folder, problems);
        assertTrue(!problems.any(), problems.inFileOrder().toString());
        assertEquals(List.of(
                new SceneSound.CueSound(0, folder.resolve("gong.wav"), new SoundControl.Fixed(0), new SoundControl.Fixed(1)),
                new SceneSound.CueSound(2, folder.resolve("gong.wav"), new SoundControl.Fixed(-6), new SoundControl.Fixed(0.5))), sound.cues());
        assertEquals(List.of(folder.resolve("gong.wav")), sound.files(), "decoded once");
        assertTrue(org.liquide.scene.SceneFiles.load(folder).errors().isEmpty());

        Files.writeString(folder.resolve("scene.yaml"), "layers:\n  - {name: fond, type: generate}\n" + """
                storyboard:
                  cues:
                    - {at: 0s, sound: nowhere.wav}
                    - {at: 1s, sound: {file: gong.wav, gain: 40, loud: true}}
                """);
        List<String> errors = located(org.liquide.scene.SceneFiles.load(folder).errors(), folder);
        assertHas(errors, "scene.yaml:5:23", "sound file not found: nowhere.wav");
        assertHas(errors, "scene.yaml:6:46", "-96 to 24 dB");
        assertHas(errors, "scene.yaml:6:", "loud");
    }

    @Test
    void aCueIsHeardOnItsScenesSoundtrackAndAnotherScenesCueIsNot() throws Exception {
        Path folder = scene("salle", """
                storyboard:
                  cues:
                    - {at: 0s, sound: gong.wav}
                """);
        Tones.writeWav(folder.resolve("gong.wav"), Tones.sine(880, 0.5, 0.5, RATE), RATE);
        PulseServer server = PulseServer.shared();
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start();
             PulseServer.Recording recording = server.recordOutput(RATE)) {
            SceneSoundtracks soundtracks = new SceneSoundtracks(scenes, output, new SignalBus());
            soundtracks.sceneChanged("salle", 0); // before the scene's first frame, which fires its first cue
            output.cue("ailleurs", 0); // another scene's cue: not this soundtrack's
            output.cue("salle", 0);
            Await.until(Await.GENEROUS, () -> "the gong heard: loudest " + loudest(recording.samples()),
                    () -> loudest(recording.samples()) > 0.2);
            int loudAt = recording.samples().length;
            // the gong lasts 0.5 s; a loaded sound server may stretch it a little, so its end is looked for 2 s later
            Await.until(Await.GENEROUS, "three seconds more recorded", () -> recording.samples().length > loudAt + 3 * RATE);
            float[] heard = recording.samples();
            int start = 0;
            while (Tones.rms(heard, start, start + RATE / 20) < 0.2) {
                start += RATE / 20;
            }
            assertEquals(880, Tones.frequency(heard, start, start + RATE / 5, RATE), 10, "the gong's pitch");
            assertTrue(loudest(Arrays.copyOfRange(heard, heard.length - RATE / 2, heard.length)) < 0.01,
                    "played once: silence after it, not a second strike for the other scene's cue");
        }
    }

    /** The loudest 50 ms window. */
    private static double loudest(float[] heard) {
        double loudest = 0;
        for (int at = 0; at + RATE / 20 <= heard.length; at += RATE / 20) {
            loudest = Math.max(loudest, Tones.rms(heard, at, at + RATE / 20));
        }
        return loudest;
    }

    @Test
    void aSynthsPitchFollowsItsSignalWhenTheSceneComesOn() throws Exception {
        scene("salle", """
                sound:
                  synths:
                    - {pitch: {signal: entree/distance, in: [0, 1], out: [220, 880]}, gain: -12}
                """);
        PulseServer server = PulseServer.shared();
        SignalBus bus = new SignalBus();
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start();
             PulseServer.Recording recording = server.recordOutput(RATE)) {
            new SceneSoundtracks(scenes, output, bus).sceneChanged("salle", 0.5);
            long end = System.nanoTime() + Await.GENEROUS.toNanos();
            double[] value = {0.5};
            float[] heard;
            do { // the signal keeps coming, as a sensor's does; 0.5 is 550 Hz
                bus.publish("test", "entree/distance", value, 1, System.currentTimeMillis());
                heard = recording.samples();
            } while (heard.length < 2.5 * RATE && System.nanoTime() < end);
            double[] pitches = new double[10];
            for (int k = 0; k < 10; k++) {
                int from = heard.length - RATE + k * RATE / 10;
                pitches[k] = Tones.frequency(heard, from, from + RATE / 10, RATE);
            }
            Arrays.sort(pitches);
            assertEquals(550, (pitches[4] + pitches[5]) / 2, 3, "the pitch at the signal's 0.5: " + Arrays.toString(pitches));
        }
    }

    /** The errors as lines, their file named relative to the scene's folder. */
    private static List<String> located(List<ConfigError> errors, Path folder) {
        return errors.stream().map(ConfigError::toString).map(e -> e.replace(folder + "/", "")).toList();
    }

    private static void assertHas(List<String> errors, String place, String text) {
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(place) && e.contains(text)),
                "expected an error at " + place + " saying " + text + " in " + errors);
    }
}
