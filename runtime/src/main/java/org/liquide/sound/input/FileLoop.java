package org.liquide.sound.input;

import org.liquide.sound.decode.AudioDecoder;
import org.liquide.sound.decode.DecodedSound;

import java.io.IOException;
import java.nio.file.Path;

/** A sound file decoded into memory at opening, then played in a loop, paced by the clock as a device would deliver it. */
final class FileLoop implements SampleSource {
    private final float[] sound;
    private final RealTimePace pace;
    private int position;

    FileLoop(Path file, int rate) throws IOException {
        DecodedSound decoded = AudioDecoder.decode(file, rate, 1);
        if (decoded.frames() == 0) {
            throw new IOException(file + " holds no sound");
        }
        this.sound = decoded.samples();
        this.pace = new RealTimePace(rate);
    }

    @Override
    public void read(float[] into, int count) {
        for (int i = 0; i < count; i++) {
            into[i] = sound[position];
            position = position + 1 == sound.length ? 0 : position + 1;
        }
        pace.delivered(count);
    }

    @Override
    public void close() {
        // memory only
    }
}
