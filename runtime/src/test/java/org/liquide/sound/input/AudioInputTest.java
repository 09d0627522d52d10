package org.liquide.sound.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.sound.AudioInputSpec;
import org.liquide.testing.PulseServer;
import org.liquide.testing.Tones;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audio inputs publish what they hear as signals: from the room's microphone (a virtual source) and from a looped file. */
class AudioInputTest {
    private static final int RATE = 48_000;
    private static final double SINE_DB = 20 * Math.log10(0.5 / Math.sqrt(2));

    @Test
    void theMicrophoneHearsASineAsLevelBandAndCentroid() {
        PulseServer server = PulseServer.shared();
        SignalBus bus = new SignalBus();
        try (PulseServer.RoomSound sound = server.playInRoom(Tones.sine(1000, 0.5, 1, RATE), RATE);
             AudioInput input = new AudioInput(new AudioInputSpec("room", new AudioInputSpec.Device("default")), bus).start()) {
            // a loaded machine's sound server may click now and then (a click is broadband): the measures are
            // awaited together, as they read while the sound is steady
            Await.until(Await.GENEROUS, () -> "level near " + SINE_DB + " dBFS, 1 kHz band high, centroid near 1 kHz; " + describe(bus, input),
                    () -> Math.abs(value(bus, "audio/room/level", 0) - SINE_DB) < 1.5 && value(bus, "audio/room/bands", 4) > 0.8
                            && Math.abs(value(bus, "audio/room/centroid", 0) - 1000) < 100);
            assertTrue(value(bus, "audio/room/bands", 0) < 0.4, "62.5 Hz band stays low");
            assertEquals(AudioInput.State.LISTENING, input.state());
        }
    }

    @Test
    void eachBurstInTheRoomIsAnOnset() {
        PulseServer server = PulseServer.shared();
        SignalBus bus = new SignalBus();
        try (AudioInput input = new AudioInput(new AudioInputSpec("room", new AudioInputSpec.Device("default")), bus).start()) {
            Await.until(Await.GENEROUS, () -> "the input listens; " + describe(bus, input), () -> input.hops() > 10);
            long before = input.onsets();
            long hops = input.hops();
            // Half a second of the room's silence analysed (48 hops of 512 samples at 48 kHz).
            Await.until(Await.GENEROUS, () -> "half a second of silence analysed; " + describe(bus, input), () -> input.hops() >= hops + 48);
            assertEquals(before, input.onsets(), "silence has no onset");
            try (PulseServer.RoomSound sound = server.playInRoom(Tones.bursts(2000, 0.5, 0.05, 0.4, 5, RATE), RATE)) {
                Await.until(Await.GENEROUS, () -> "ten onsets; " + describe(bus, input), () -> input.onsets() - before >= 10);
            }
        }
    }

    @Test
    void aLoopedFileIsHeardAtItsLevel(@TempDir Path folder) throws Exception {
        Path wav = Tones.writeWav(folder.resolve("hum.wav"), Tones.sine(250, 0.5, 0.5, RATE), RATE);
        SignalBus bus = new SignalBus();
        try (AudioInput input = new AudioInput(new AudioInputSpec("rehearsal", new AudioInputSpec.File(wav)), bus).start()) {
            Await.until(Await.GENEROUS, () -> "a 250 Hz hum at " + SINE_DB + " dBFS; " + describe(bus, input),
                    () -> Math.abs(value(bus, "audio/rehearsal/level", 0) - SINE_DB) < 1 && value(bus, "audio/rehearsal/bands", 2) > 0.8);
            long hops = input.hops();
            Await.until(Await.GENEROUS, "the loop goes on past the file's end", () -> input.hops() > hops + 100);
            assertEquals(SINE_DB, value(bus, "audio/rehearsal/level", 0), 1, "level after looping");
        }
    }

    @Test
    void aMissingDeviceIsLostAndTriedAgainWhileTheShowGoesOn() {
        SignalBus bus = new SignalBus();
        try (AudioInput input = new AudioInput(new AudioInputSpec("gone", new AudioInputSpec.Device("no-such-card")), bus).start()) {
            Await.until(Await.GENEROUS, "the input is lost", () -> input.state() == AudioInput.State.LOST);
            assertTrue(input.problem().contains("no sound device matching 'no-such-card'"), input.problem());
            assertEquals(1, input.outages(), "one outage, however many attempts");
        }
    }

    private static double value(SignalBus bus, String name, int channel) {
        SignalSample sample = new SignalSample();
        Signal signal = bus.signal(name);
        return signal.read(sample) && sample.channels() > channel ? sample.value(channel) : Double.NaN;
    }

    private static String describe(SignalBus bus, AudioInput input) {
        StringBuilder text = new StringBuilder(input.state() + " " + input.problem() + ", hops " + input.hops() + ", onsets " + input.onsets());
        for (Signal signal : bus.signals()) {
            SignalSample sample = new SignalSample();
            signal.read(sample);
            text.append("; ").append(signal.name()).append('=');
            for (int c = 0; c < sample.channels(); c++) {
                text.append(String.format(java.util.Locale.ROOT, "%.2f ", sample.value(c)));
            }
        }
        return text.toString();
    }
}
