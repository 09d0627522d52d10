package org.liquide.sound.input;

import java.io.IOException;

/** Where an input's samples come from: mono floats in [-1, 1], at the rate it was opened with, in real time. */
interface SampleSource extends AutoCloseable {
    /** Fills {@code into[0, count)}, waiting as long as the sound takes to arrive. */
    void read(float[] into, int count) throws IOException;

    @Override
    void close();
}
