package org.liquide.testing;

import org.liquide.cli.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@code liquide} command in a JVM of its own, as the launcher starts it (its flags, the runtime's
 * logback.xml rather than the tests' quieter one), its output in a file: for what only a process shows
 * (signals, exit statuses, systemd's socket).
 */
public final class LiquideProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private LiquideProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code liquide arguments...}, its output going to {@code log}; {@code environment} adjusts its variables. */
    public static LiquideProcess start(Path log, Consumer<Map<String, String>> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + ClassLoader.getSystemResource("logback.xml"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        environment.accept(builder.environment());
        return new LiquideProcess(builder.start(), log);
    }

    /** What it printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as systemd stops a unit, and waits for the exit status (at most {@code within}). */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running " + within.toSeconds() + " s after SIGTERM; output:\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills it if a test left it running. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** A TCP port free on the loopback address now. */
    public static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A UDP port free on the loopback address now. */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
