package org.liquide.camera;

import org.liquide.frame.VideoFrame;

import java.io.IOException;

/** Something that delivers images one at a time to a capture thread. Not thread-safe: one thread uses it. */
public interface FrameSource extends AutoCloseable {

    void open() throws IOException;

    /**
     * Blocks until the next image and writes it into {@code into}. Returns false at the end of a file.
     * Throws when the source failed (device unplugged, stream dropped).
     */
    boolean grab(VideoFrame into) throws IOException;

    /** Starts a file over from its beginning; sources that cannot rewind throw. */
    void rewind() throws IOException;

    /** The rate to pace delivery at, or 0 when the source paces itself (a device or a live stream). */
    double pacingFramesPerSecond();

    /** Width x height and rate as opened, for the log. */
    String format();

    @Override
    void close();
}
