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
    private Process process;

    private MosquittoProcess(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    public static MosquittoProcess start() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return startOn(port);
    }

    /** A broker on a given port (a client was told of it before it ran). */
    public static MosquittoProcess startOn(int port) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IOException("Mosquitto is needed and was not found at " + BINARY
                    + ": install it with 'sudo apt-get install mosquitto' (scripts/install-system-packages test)");
        }
        Path log = Files.createTempFile("mosquitto-" + port + "-", ".log");
        MosquittoProcess broker = new MosquittoProcess(port, log);
        broker.restart();
        return broker;
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
        process = new ProcessBuilder(BINARY.toString(), "-p", String.valueOf(port))
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
    }
}
