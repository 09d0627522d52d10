package org.liquide.testing;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sound tests' ground: Java's default devices reach the private server, what Java plays is heard
 * on the output's monitor, and what the tests play in the room is what Java's microphone hears.
 */
class PulseServerTest {
    private static final int RATE = 48_000;
    private static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

    @Test
    void whatJavaPlaysIsRecordedFromTheOutputsMonitor() throws Exception {
        PulseServer server = PulseServer.shared();
        byte[] tone = pcm16(Tones.sine(440, 0.5, 0.5, RATE));
        try (PulseServer.Recording recording = server.recordOutput(RATE);
             SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT)) {
            line.open(FORMAT, RATE / 5);
            line.start();
            long end = System.nanoTime() + Await.GENEROUS.toNanos();
            float[] heard = new float[0];
            while (System.nanoTime() < end) {
                line.write(tone, 0, tone.length);
                heard = recording.samples();
                if (loudest(heard, RATE / 4) > 0.25) {
                    break;
                }
            }
            int from = loudestStart(heard, RATE / 4);
            assertEquals(0.5 / Math.sqrt(2), Tones.rms(heard, from, from + RATE / 4), 0.05, "level of the recorded tone");
            assertEquals(440, Tones.frequency(heard, from, from + RATE / 4, RATE), 2, "frequency of the recorded tone");
        }
    }

    @Test
    void whatPlaysInTheRoomIsWhatJavasMicrophoneHears() throws Exception {
        PulseServer server = PulseServer.shared();
        try (PulseServer.RoomSound sound = server.playInRoom(Tones.sine(1000, 0.5, 1, RATE), RATE);
             TargetDataLine line = AudioSystem.getTargetDataLine(FORMAT)) {
            line.open(FORMAT, RATE / 5);
            line.start();
            byte[] buffer = new byte[RATE / 4 * 2];
            float[] heard = new float[0];
            long end = System.nanoTime() + Await.GENEROUS.toNanos();
            int loudInARow = 0;
            while (System.nanoTime() < end && loudInARow < 3) { // the first loud buffer may hold the sound's start
                int read = line.read(buffer, 0, buffer.length);
                heard = floats(buffer, read);
                loudInARow = Tones.rms(heard, 0, heard.length) > 0.3 ? loudInARow + 1 : 0;
            }
            assertEquals(0.5 / Math.sqrt(2), Tones.rms(heard, 0, heard.length), 0.05, "level the microphone hears");
            assertEquals(1000, Tones.frequency(heard, 0, heard.length, RATE), 5, "frequency the microphone hears");
        }
    }

    private static double loudest(float[] samples, int window) {
        int start = loudestStart(samples, window);
        return start < 0 ? 0 : Tones.rms(samples, start, start + window);
    }

    /** The start of the loudest window, in steps of a tenth of a window; -1 if the recording is shorter. */
    private static int loudestStart(float[] samples, int window) {
        int best = -1;
        double bestRms = -1;
        for (int start = 0; start + window <= samples.length; start += window / 10) {
            double rms = Tones.rms(samples, start, start + window);
            if (rms > bestRms) {
                bestRms = rms;
                best = start;
            }
        }
        assertTrue(best >= 0 || samples.length < window);
        return best;
    }

    static byte[] pcm16(float[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            buffer.putShort((short) Math.round(s * 32767));
        }
        return buffer.array();
    }

    static float[] floats(byte[] pcm16, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(pcm16, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = buffer.getShort() / 32768f;
        }
        return samples;
    }
}
