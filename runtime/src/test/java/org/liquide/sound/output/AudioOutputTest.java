package org.liquide.sound.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.signal.SignalBus;
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.SceneSound;
import org.liquide.sound.SoundControl;
import org.liquide.sound.decode.AudioDecoder;
import org.liquide.testing.PulseServer;
import org.liquide.testing.Tones;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the show plays, recorded from the private sound server's output monitor and measured. */
class AudioOutputTest {
    private static final int RATE = AudioOutput.RATE;

    @TempDir
    Path dir;

    private static Soundtrack synth(String name, double hertz, double gainDb, SignalBus bus) {
        return Soundtrack.prepare(name, new SceneSound(List.of(), List.of(), List.of(new SceneSound.Synth(SceneSound.Wave.SINE,
                new SoundControl.Fixed(hertz), new SoundControl.Fixed(gainDb)))), Map.of(), bus);
    }

    /** Records until {@code seconds} of loud-enough sound are there, and returns the recording. */
    private static float[] record(PulseServer.Recording recording, double seconds) {
        Await.until(Await.GENEROUS, "recorded " + seconds + " s", () -> recording.seconds() >= seconds);
        return recording.samples();
    }

    /** The median of {@code measure} over the ten 0.1 s windows of the recording's last second. */
    private static double median(float[] samples, java.util.function.IntToDoubleFunction measure) {
        double[] values = new double[10];
        for (int k = 0; k < 10; k++) {
            values[k] = measure.applyAsDouble(samples.length - RATE + k * RATE / 10);
        }
        java.util.Arrays.sort(values);
        return (values[4] + values[5]) / 2;
    }

    @Test
    void aSynthVoicePlaysItsPitchAtItsGain() {
        PulseServer server = PulseServer.shared();
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start();
             PulseServer.Recording recording = server.recordOutput(RATE)) {
            output.play(synth("tone", 440, -12, new SignalBus()), 0);
            float[] heard = record(recording, 2);
            // medians of 0.1 s windows over the last second: a dropout of a loaded machine's sound server spoils one window, not the measure
            assertEquals(440, median(heard, w -> Tones.frequency(heard, w, w + RATE / 10, RATE)), 2, "pitch");
            assertEquals(Math.pow(10, -12 / 20.0) / Math.sqrt(2), median(heard, w -> Tones.rms(heard, w, w + RATE / 10)), 0.02, "level: -12 dB");
            assertEquals(AudioOutput.State.PLAYING, output.state());
        }
    }

    @Test
    void theLimiterHoldsTheCeilingWhateverTheGains() {
        PulseServer server = PulseServer.shared();
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 12, -6)).start();
             PulseServer.Recording recording = server.recordOutput(RATE)) {
            output.play(synth("loud", 440, 0, new SignalBus()), 0);
            float[] heard = record(recording, 1.5);
            double peak = 0;
            for (int i = heard.length - RATE; i < heard.length; i++) {
                peak = Math.max(peak, Math.abs(heard[i]));
            }
            double ceiling = Math.pow(10, -6 / 20.0);
            assertTrue(peak <= ceiling * 1.02, "peak " + peak + " over the -6 dBFS ceiling " + ceiling);
            assertTrue(peak >= ceiling * 0.9, "a sine 18 dB over the ceiling reaches it: " + peak);
        }
    }

    @Test
    void scenesCrossfadeAtEqualPowerOverTheTransition() throws Exception {
        PulseServer server = PulseServer.shared();
        SignalBus bus = new SignalBus();
        Path hum = Tones.writeWav(dir.resolve("hum.wav"), Tones.sine(400, 0.5, 1, RATE), RATE);
        Soundtrack bed = Soundtrack.prepare("bed", new SceneSound(List.of(new SceneSound.Bed(hum, new SoundControl.Fixed(0),
                new SoundControl.Fixed(1))), List.of(), List.of()), Map.of(hum, AudioDecoder.decode(hum, RATE, 2)), bus);
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start();
             PulseServer.Recording recording = server.recordOutput(RATE)) {
            output.play(bed, 0);
            double start = record(recording, 1.0).length / (double) RATE;
            output.play(synth("tone", 1000, -6, bus), 1.0);
            float[] heard = record(recording, start + 2.0);
            int window = RATE / 50;
            double[] bedPower = new double[heard.length / window];
            double[] tonePower = new double[bedPower.length];
            for (int w = 0; w < bedPower.length; w++) {
                bedPower[w] = goertzelPower(heard, w * window, window, 400);
                tonePower[w] = goertzelPower(heard, w * window, window, 1000);
            }
            // a loaded machine's sound server may drop a moment of the recording: the shape is judged by the
            // tone's share of the power, window by window, not by the clock
            double full = 0.5 * 0.5 / 2;
            List<Double> shares = new java.util.ArrayList<>();
            List<Double> totals = new java.util.ArrayList<>();
            for (int w = 0; w < bedPower.length; w++) {
                double total = bedPower[w] + tonePower[w];
                if (bedPower[w] > 0.02 * full && tonePower[w] > 0.02 * full && total > 0.5 * full) {
                    totals.add(total);
                    shares.add(tonePower[w] / total);
                }
            }
            long equal = totals.stream().filter(total -> Math.abs(total - full) < 0.15 * full).count();
            assertTrue(equal >= 0.8 * totals.size(), "equal power (" + full + ") in the crossfade's windows, but for a dropout: " + totals);
            assertTrue(shares.size() >= 10, "the crossfade was heard for at least 200 ms: " + shares);
            for (int i = 1; i < shares.size(); i++) {
                assertTrue(shares.get(i) >= shares.get(i - 1) - 0.1, "the tone's share only rises: " + shares);
            }
            assertTrue(shares.getFirst() < 0.25 && shares.getLast() > 0.75, "from the bed to the tone: " + shares);
        }
    }

    @Test
    void sleepAndBlackoutSilenceTheShow() {
        PulseServer server = PulseServer.shared();
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start();
             PulseServer.Recording recording = server.recordOutput(RATE)) {
            output.play(synth("tone", 440, -6, new SignalBus()), 0);
            double before = record(recording, 1.0).length / (double) RATE;
            output.asleep(true);
            float[] heard = record(recording, before + 1.5);
            double rms = Tones.rms(heard, heard.length - RATE / 2, heard.length);
            assertTrue(rms < 1e-3, "asleep: silence, not " + rms);
            output.asleep(false);
            output.blackout(true);
            heard = record(recording, before + 3.5);
            assertTrue(Tones.rms(heard, heard.length - RATE / 4, heard.length) < 1e-3, "blackout: silence");
            output.blackout(false);
            heard = record(recording, before + 5.5);
            double loudest = 0;
            for (int at = heard.length - RATE / 2; at + RATE / 20 <= heard.length; at += RATE / 20) {
                loudest = Math.max(loudest, Tones.rms(heard, at, at + RATE / 20));
            }
            assertEquals(0.5 / Math.sqrt(2), loudest, 0.05, "back after the blackout");
        }
    }

    @Test
    void theAudioThreadAllocatesNothingOnceItPlays() {
        PulseServer.shared();
        SignalBus bus = new SignalBus();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("default", 0, -1)).start()) {
            output.play(synth("tone", 440, -12, bus), 0.2);
            output.tap(new MixTap(1)); // a recording's copy of the mix, unread: it fills, then drops whole blocks
            Await.until(Await.GENEROUS, "warmed up", () -> output.blocks() > 300);
            long id = output.audioThread().threadId();
            int zeroWindows = 0;
            StringBuilder seen = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                long blocks = output.blocks();
                long before = threads.getThreadAllocatedBytes(id);
                Await.until(Await.GENEROUS, "50 blocks", () -> output.blocks() >= blocks + 50);
                long bytes = threads.getThreadAllocatedBytes(id) - before;
                seen.append(bytes).append(' ');
                zeroWindows += bytes == 0 ? 1 : 0;
            }
            assertTrue(zeroWindows >= 8, "bytes allocated per 50 blocks: " + seen);
        }
    }

    @Test
    void aMissingDeviceIsLostAndTriedAgainWhileTheShowGoesOn() {
        try (AudioOutput output = new AudioOutput(new AudioOutputSpec("no-such-card", 0, -1)).start()) {
            Await.until(Await.GENEROUS, "the output is lost", () -> output.state() == AudioOutput.State.LOST);
            assertTrue(output.problem().contains("no sound device matching 'no-such-card'"), output.problem());
            output.play(synth("tone", 440, -12, new SignalBus()), 1);
            assertEquals(1, output.outages());
        }
    }

    /** The power of {@code hertz} in {@code samples[from, from + length)}: a sine of amplitude a reads a²/2. */
    private static double goertzelPower(float[] samples, int from, int length, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / RATE);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + length; i++) {
            double s = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * power / ((double) length * length);
    }
}
