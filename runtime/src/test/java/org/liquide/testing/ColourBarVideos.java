package org.liquide.testing;

import org.liquide.hardware.testing.ChildRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Colour bars recorded by the {@code ffmpeg} command in a chosen pixel format, matrix and range, so a test
 * can check that a reader turns them back into the right RGB. Eight bars of 16 pixels across 128 × 64:
 * 75 % white, yellow, cyan, green, magenta, red, blue, and 25 % grey (75 % levels, so that neither a wrong
 * range nor a wrong matrix can hide behind clipping).
 */
public final class ColourBarVideos {
    public static final int WIDTH = 128;
    public static final int HEIGHT = 64;
    public static final int BAR_WIDTH = 16;
    private static final int[][] BARS = {
            {191, 191, 191}, {191, 191, 0}, {0, 191, 191}, {0, 191, 0},
            {191, 0, 191}, {191, 0, 0}, {0, 0, 191}, {64, 64, 64},
    };

    private ColourBarVideos() {
    }

    public static int barCount() {
        return BARS.length;
    }

    /** The RGB of bar {@code i}, left to right. */
    public static int[] bar(int i) {
        return BARS[i].clone();
    }

    /** The x of the middle of bar {@code i}. */
    public static int barCentre(int i) {
        return i * BAR_WIDTH + BAR_WIDTH / 2;
    }

    /**
     * Writes three frames of bars into {@code file}: {@code filter} is ffmpeg's video filter chain from RGB
     * (e.g. {@code scale=out_color_matrix=bt709:out_range=tv,format=yuv420p}), {@code outputOptions} the
     * codec and tags.
     */
    public static Path write(Path file, String filter, String... outputOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
                "-s", WIDTH + "x" + HEIGHT, "-r", "10", "-i", "pipe:0", "-vf", filter));
        command.addAll(List.of(outputOptions));
        command.add(file.toString());
        byte[] frame = frame();
        byte[] frames = new byte[3 * frame.length];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(frame, 0, frames, i * frame.length, frame.length);
        }
        ChildRun run = ChildRun.run(new ProcessBuilder(command), frames, Duration.ofSeconds(60));
        if (!run.succeeded() || !Files.isRegularFile(file)) {
            throw new IOException("ffmpeg could not write " + file + ": " + run.output());
        }
        return file;
    }

    private static byte[] frame() {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int[] c = BARS[x / BAR_WIDTH];
                int at = (y * WIDTH + x) * 3;
                rgb[at] = (byte) c[0];
                rgb[at + 1] = (byte) c[1];
                rgb[at + 2] = (byte) c[2];
            }
        }
        return rgb;
    }
}
