package org.liquide.sound;

import java.net.URI;
import java.nio.file.Path;

/**
 * One audio input the show listens to, as {@code showcase.yaml}'s {@code audio: inputs:} names it: a
 * system capture device, a stream from the network, or a sound file looped in real time for rehearsal.
 *
 * @param name the input's name in its signals ({@code audio/<name>/level})
 */
public record AudioInputSpec(String name, Source source) {
    /** Where the sound comes from. */
    public sealed interface Source permits Device, Stream, File {
    }

    /**
     * A capture device of the system's audio stack: {@code default} (ALSA's default, which PulseAudio or
     * PipeWire route), or a part of a device's name as Java lists it.
     */
    public record Device(String name) implements Source {
        public static final String DEFAULT = "default";
    }

    /** A sound stream from the network ({@code rtp://}, {@code srt://}, {@code udp://}, {@code http://}...), decoded by FFmpeg. */
    public record Stream(URI uri) implements Source {
    }

    /** A sound file (WAV, FLAC, Ogg, MP3...) played in a loop at its own pace, as if heard in the room. */
    public record File(Path path) implements Source {
    }
}
