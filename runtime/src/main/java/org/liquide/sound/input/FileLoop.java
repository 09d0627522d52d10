package org.liquide.sound.input;

import org.liquide.sound.decode.AudioDecoder;
import org.liquide.sound.decode.DecodedSound;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/** A sound file decoded into memory at opening, then played in a loop, paced by the clock as a device would deliver it. */
final class FileLoop implements SampleSource {
    private final float[] sound;
    private final int rate;
    private final long startNanos;
    private long delivered;
    private int position;

    FileLoop(Path file, int rate) throws IOException {
        DecodedSound decoded = AudioDecoder.decode(file, rate, 1);
        if (decoded.frames() == 0) {
            throw new IOException(file + " holds no sound");
        }
        this.sound = decoded.samples();
        this.rate = rate;
        this.startNanos = System.nanoTime();
    }

    @Override
    public void read(float[] into, int count) {
        for (int i = 0; i < count; i++) {
            into[i] = sound[position];
            position = position + 1 == sound.length ? 0 : position + 1;
        }
        delivered += count;
        long due = startNanos + delivered * 1_000_000_000L / rate;
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    public void close() {
        // memory only
    }
}
