package org.liquide.camera;

import org.liquide.hardware.node.SimulatedNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Where a camera's images come from, as written on the command line or in a configuration. */
public sealed interface CameraSpec {

    /** A V4L2 device such as {@code /dev/video0}. */
    record Device(String path) implements CameraSpec {
        @Override
        public String describe() {
            return path;
        }
    }

    /** A video file, played in a loop at its own frame rate. */
    record VideoFile(Path path) implements CameraSpec {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A network stream (rtsp, http, udp, srt, rtmp...). */
    record Stream(URI uri) implements CameraSpec {
        @Override
        public String describe() {
            return uri.toString();
        }
    }

    /** Images the runtime draws itself, for machines with no camera. */
    sealed interface Synthetic extends CameraSpec permits TestPattern, Visitors {
    }

    /**
     * An animated test card for technicians checking a camera path: a figure walking to and fro, colour
     * swatches and the frame number, labelled as a test pattern.
     */
    record TestPattern(int width, int height, double framesPerSecond) implements Synthetic {
        public static final TestPattern DEFAULT = new TestPattern(1280, 720, 30);

        @Override
        public String describe() {
            return "test pattern " + width + "x" + height + " @ " + (int) framesPerSecond + " fps";
        }
    }

    /**
     * A room into which the simulated sensor node's scripted visitors ({@code seed}) walk, drawn as soft
     * figures at the distances the simulated sensors measure: the demo's camera when there is none.
     */
    record Visitors(int width, int height, double framesPerSecond, long seed) implements Synthetic {
        public static final String NAME = "visitors";
        public static final Visitors DEFAULT = new Visitors(1280, 720, 30, SimulatedNode.DEFAULT_SEED);

        @Override
        public String describe() {
            return "synthetic visitors " + width + "x" + height + " @ " + (int) framesPerSecond + " fps";
        }
    }

    /** A short human description for logs and messages. */
    String describe();

    /**
     * Reads {@code test}, {@code visitors}, a device path or index ({@code /dev/video2}, {@code 2}), a URL with a scheme,
     * or a file path.
     */
    static CameraSpec parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty camera name");
        }
        if (value.equalsIgnoreCase("test") || value.equalsIgnoreCase("test-pattern")) {
            return TestPattern.DEFAULT;
        }
        if (value.equalsIgnoreCase(Visitors.NAME)) {
            return Visitors.DEFAULT;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return new Device("/dev/video" + Integer.parseInt(value));
        }
        if (value.startsWith("/dev/")) {
            return new Device(value);
        }
        int scheme = value.indexOf("://");
        if (scheme > 0 && value.substring(0, scheme).chars().allMatch(Character::isLetter)) {
            String name = value.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (name.equals("file")) {
                return new VideoFile(Path.of(URI.create(value)));
            }
            return new Stream(URI.create(value));
        }
        return new VideoFile(Path.of(value));
    }
}
