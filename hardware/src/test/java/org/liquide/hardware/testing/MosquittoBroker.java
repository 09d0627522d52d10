package org.liquide.hardware.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Mosquitto broker on a free loopback port, as a child process that tests can kill and restart on the
 * same port. Tests that need it fail (never skip) when Mosquitto is not installed.
 */
public final class MosquittoBroker implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port;
    private final Path log;
    private Process process;

    private MosquittoBroker(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    public static MosquittoBroker start() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return startOn(port);
    }

    /** A broker on a given port (a client was told of it before it ran). */
    public static MosquittoBroker startOn(int port) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            fail("Mosquitto is needed for the MQTT tests and was not found at " + BINARY
                    + ": install it with 'sudo apt-get install mosquitto'");
        }
        Path log = Files.createTempFile("mosquitto-" + port + "-", ".log");
        MosquittoBroker broker = new MosquittoBroker(port, log);
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
        Await.until(Duration.ofSeconds(10), "mosquitto listening on port " + port + " (log: " + log + ")",
                () -> {
                    if (!process.isAlive()) {
                        fail("mosquitto exited with " + process.exitValue() + "; log: " + log);
                    }
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
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
