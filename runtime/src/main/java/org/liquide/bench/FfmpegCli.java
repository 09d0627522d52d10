package org.liquide.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ffmpeg} command line tool, the anchor for camera ingest: its decode speed is the limit. */
record FfmpegCli(Path binary) {
    private static final Pattern REAL_TIME = Pattern.compile("rtime=([0-9.]+)s");

    /** The first {@code ffmpeg} on the PATH, if any. */
    static Optional<FfmpegCli> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new FfmpegCli(candidate));
            }
        }
        return Optional.empty();
    }

    /** The first line of {@code ffmpeg -version}. */
    String version() {
        try {
            String out = run(List.of(binary.toString(), "-hide_banner", "-version"), 30);
            return out.lines().findFirst().orElse("ffmpeg").strip() + " (" + binary + ")";
        } catch (IOException e) {
            return binary + " (version unknown: " + e.getMessage() + ")";
        }
    }

    /**
     * Decodes the whole file to the null muxer in the decoder's own format; returns ffmpeg's own measure of
     * the real time it took, in seconds.
     */
    double decodeSeconds(Path video) throws IOException {
        List<String> command = List.of(binary.toString(), "-hide_banner", "-nostdin", "-nostats",
                "-benchmark", "-i", video.toString(), "-an", "-f", "null", "-");
        String out = run(command, 600);
        Matcher matcher = REAL_TIME.matcher(out);
        double seconds = Double.NaN;
        while (matcher.find()) {
            seconds = Double.parseDouble(matcher.group(1));
        }
        if (Double.isNaN(seconds)) {
            throw new IOException("ffmpeg printed no 'rtime=': " + out.lines().reduce((a, b) -> b).orElse(""));
        }
        return seconds;
    }

    private static String run(List<String> command, long timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": timed out");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + text.lines().reduce((a, b) -> b).orElse(""));
            }
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
