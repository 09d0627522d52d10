package org.liquide.sound.input;

import org.liquide.sound.device.AudioDevices;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.TargetDataLine;
import java.io.IOException;

/** A capture device through Java's sound: 16-bit signed mono at the input's rate. */
final class LineCapture implements SampleSource {
    private final TargetDataLine line;
    private final byte[] bytes;

    LineCapture(String device, int rate, int maxCount) throws IOException {
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        this.line = AudioDevices.line(TargetDataLine.class, device, format);
        this.bytes = new byte[maxCount * 2];
        try {
            // room for 500 ms: a thread held up a moment loses nothing, and ALSA's PulseAudio plugin overruns on
            // small buffers (clicks); reading still returns as soon as a hop is there
            line.open(format, Math.max(maxCount * 2 * 4, rate / 2 * 2));
        } catch (javax.sound.sampled.LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("sound device '" + device + "' cannot open: " + e.getMessage(), e);
        }
        line.start();
    }

    @Override
    public void read(float[] into, int count) throws IOException {
        int wanted = count * 2;
        int read = line.read(bytes, 0, wanted);
        if (read < wanted) {
            throw new IOException("the sound device stopped (read " + read + " of " + wanted + " bytes)");
        }
        for (int i = 0; i < count; i++) {
            into[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
        }
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
