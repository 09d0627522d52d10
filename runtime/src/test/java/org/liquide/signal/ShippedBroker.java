package org.liquide.signal;

import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.ChildRun;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Mosquitto as the install scripts set it up for the shipped showcase: {@code make-credentials} (and
 * {@code make-ca} for TLS) run into a temporary root, then the broker started with the configuration they wrote.
 * Accounts: {@code render-regie-1}, {@code node-entree}, {@code node-table}, {@code node-couloir}, {@code monitor}.
 */
public final class ShippedBroker implements AutoCloseable {
    static final Path SHOWCASE = Path.of("../showcase-config/showcase.yaml");
    public static final String SHOW_COMMANDS = "liquide/show/ecritures-liquides/command";
    private static final Path SCRIPTS = Path.of("../showcase-config/mosquitto");

    private final Path root;
    private final int port;
    private final MosquittoProcess process;

    private ShippedBroker(Path root, int port, MosquittoProcess process) {
        this.root = root;
        this.port = port;
        this.process = process;
    }

    /** With {@code tls}, also a TLS listener on port + 1 with a certificate for 127.0.0.1 from a CA made by make-ca. */
    public static ShippedBroker start(Path root, boolean tls) throws IOException, InterruptedException {
        // Mosquitto reads its files after dropping root for its own account: the test's folder must be traversable.
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        for (Path p = root.toRealPath(); p != null && p.startsWith(tmp) && !p.equals(tmp); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        int port = MosquittoProcess.freePort();
        List<String> command = new ArrayList<>(List.of(SCRIPTS.resolve("make-credentials").toString(), "--root", root.toString(),
                "--listen", "127.0.0.1:" + port));
        if (tls) {
            run(List.of(SCRIPTS.resolve("make-ca").toString(), root.resolve("tls").toString(), "127.0.0.1", "localhost"));
            command.addAll(List.of("--tls", root.resolve("tls").toString()));
        }
        command.add(SHOWCASE.toString());
        run(command);
        return new ShippedBroker(root, port, MosquittoProcess.startConfigured(port, root.resolve("etc/mosquitto/conf.d/liquide.conf")));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ChildRun run = ChildRun.run(new ProcessBuilder(command), Duration.ofSeconds(60));
        if (!run.succeeded()) {
            throw new IOException(command + " failed with " + run.exitCode() + ": " + run.output());
        }
    }

    /** An account's credentials file, as the script made it. */
    public Path account(String user) {
        return root.resolve("etc/liquide/broker").resolve(user);
    }

    public String password(String user) throws IOException {
        String line = Files.readString(account(user)).strip();
        return line.substring(line.indexOf(':') + 1);
    }

    public Path ca() {
        return root.resolve("tls/ca.crt");
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("tcp://127.0.0.1:" + port);
    }

    public URI tlsUrl() {
        return URI.create("mqtts://127.0.0.1:" + (port + 1));
    }

    public String log() throws IOException {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
