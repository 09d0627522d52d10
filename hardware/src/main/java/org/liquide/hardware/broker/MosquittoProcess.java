package org.liquide.hardware.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Mosquitto broker on a loopback port, as a child process that can be killed and restarted on the
 * same port: the MQTT tests' broker, and the endurance run's, whose faults include a broker crash.
 */
public final class MosquittoProcess implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port;
    private final Path log;
    private final java.util.List<String> command;
    private volatile Process process;
    /** Stops the broker when the JVM is stopped by a signal (Ctrl-C, SIGTERM): it would outlive it otherwise. */
    private final Thread stopWithTheJvm = new Thread(this::destroyIfAlive, "mosquitto-stop");

    private MosquittoProcess(int port, Path log, java.util.List<String> command) {
        this.port = port;
        this.log = log;
        this.command = java.util.List.copyOf(command);
        Runtime.getRuntime().addShutdownHook(stopWithTheJvm);
    }

    private void destroyIfAlive() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /** An anonymous broker on a free loopback port: for tests that are not about access control. */
    public static MosquittoProcess start() throws IOException {
        return startOn(freePort());
    }

    /** An anonymous broker on a given port (a client was told of it before it ran). */
    public static MosquittoProcess startOn(int port) throws IOException {
        return launch(port, java.util.List.of(BINARY.toString(), "-p", String.valueOf(port)));
    }

    /**
     * A broker run with a configuration file (listeners, password file, ACL, TLS), which must listen on
     * {@code port} of 127.0.0.1: the shipped configuration as the install script writes it, or a test's.
     */
    public static MosquittoProcess startConfigured(int port, Path config) throws IOException {
        return launch(port, java.util.List.of(BINARY.toString(), "-c", config.toString()));
    }

    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static MosquittoProcess launch(int port, java.util.List<String> command) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IOException("Mosquitto is needed and was not found at " + BINARY
                    + ": install it with 'sudo apt-get install mosquitto' (scripts/install-system-packages test)");
        }
        Path log = Files.createTempFile("mosquitto-" + port + "-", ".log");
        MosquittoProcess broker = new MosquittoProcess(port, log, command);
        broker.restart();
        return broker;
    }

    /** What the broker wrote (refused connections, denied publishes), for a test's failure message. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker (again) on the same port and waits until it accepts connections. */
    public void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + "; log: " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("mosquitto is not listening on port " + port + " after 10 s; log: " + log);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the broker abruptly (SIGKILL), as a crash or a power cut of the render machine would. */
    public void kill() {
        process.destroyForcibly();
        boolean interrupted = false;
        while (process.isAlive()) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopWithTheJvm);
        } catch (IllegalStateException stopping) {
            // closed from a shutdown hook: the broker's own hook runs too, and finds it stopped
        }
    }
}
