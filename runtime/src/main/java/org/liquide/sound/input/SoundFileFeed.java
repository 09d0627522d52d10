package org.liquide.sound.input;

import org.liquide.sound.AudioTap;
import org.liquide.sound.analysis.AudioAnalyser;
import org.liquide.sound.analysis.AudioFeatures;
import org.liquide.sound.decode.AudioDecoder;
import org.liquide.sound.decode.DecodedSound;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A sound file heard at a chosen time rather than in real time: {@link #advanceTo} analyses it up to that
 * moment and hands its waveform and spectrum to a tap. {@code liquide shader --audio} uses it so that a
 * render stays repeatable: frame n hears the file up to n/60 s. The file loops.
 */
public final class SoundFileFeed {
    private final float[] sound;
    private final AudioAnalyser analyser = new AudioAnalyser(AudioInput.RATE);
    private final AudioFeatures features = new AudioFeatures();
    private final float[] hop = new float[AudioInput.HOP];
    private final AudioTap tap;
    private long fed;

    public SoundFileFeed(Path file, AudioTap tap) throws IOException {
        DecodedSound decoded = AudioDecoder.decode(file, AudioInput.RATE, 1);
        if (decoded.frames() == 0) {
            throw new IOException(file + " holds no sound");
        }
        this.sound = decoded.samples();
        this.tap = tap;
    }

    /** Analyses the sound up to {@code seconds} from its start and publishes what is heard then. */
    public void advanceTo(double seconds) {
        long target = Math.round(seconds * AudioInput.RATE);
        while (fed < target) {
            int count = (int) Math.min(AudioInput.HOP, target - fed);
            for (int i = 0; i < count; i++) {
                hop[i] = sound[(int) ((fed + i) % sound.length)];
            }
            analyser.analyse(hop, count, features);
            fed += count;
        }
        tap.publish(analyser.waveform(), analyser.magnitudes());
    }
}
