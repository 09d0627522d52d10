package org.liquide.hardware.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A child process (a script, ffmpeg, pactl) run to its end within a deadline, its output and errors
 * together kept in a file rather than read from a pipe: a child that hangs fails the test at the deadline,
 * with what it printed, instead of holding the suite on a read that never ends.
 *
 * @param exitCode its exit status
 * @param output   what it printed, standard output and errors interleaved
 */
public record ChildRun(int exitCode, String output) {

    /** Runs {@code builder}'s command with nothing on its standard input. */
    public static ChildRun run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        return run(builder, new byte[0], limit);
    }

    /** Runs {@code builder}'s command, writing {@code input} to its standard input and closing it. */
    public static ChildRun run(ProcessBuilder builder, byte[] input, Duration limit) throws IOException, InterruptedException {
        Path log = Files.createTempFile("liquide-child-", ".log");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException closedEarly) {
                // It exited without reading everything: its status and output say why.
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", builder.command()) + " still running after " + limit.toSeconds()
                        + " s; its output:\n" + Files.readString(log));
            }
            return new ChildRun(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
