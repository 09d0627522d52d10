package org.liquide.install;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.node.config.NodeFileResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.hardware.node.mqtt.MqttReadingSink;
import org.liquide.hardware.node.mqtt.MqttSettings;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.PiRoot;
import org.liquide.signal.SignalBus;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.signal.source.NodeRoster;
import org.liquide.hardware.testing.ChildRun;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The install scripts run in a temporary root ({@code LIQUIDE_ROOT}): the render machine's makes the broker's
 * accounts and configuration and its own credentials file, the Pi's installs the node's account where its node
 * file says; both then connect to the broker started with that configuration.
 */
class InstallScriptsTest {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path root;

    @Test
    void theRenderMachineAndANodeGetTheirAccountsAndConnectWithThem() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = MosquittoProcess.freePort();
        run(Map.of("LIQUIDE_ROOT", root.toString()), CHECKOUT.resolve("showcase-config/systemd/install-render").toString(),
                "--listen", "127.0.0.1:" + port);
        Path own = root.resolve("home/.config/liquide/broker-credentials");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own)));
        assertTrue(Files.readString(own).startsWith("render-regie-1:"));
        for (String account : List.of("render-regie-1", "node-entree", "node-table", "node-couloir", "monitor")) {
            Path file = root.resolve("etc/liquide/broker").resolve(account);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), account);
        }
        assertFalse(Files.readString(root.resolve("etc/mosquitto/liquide.passwd")).contains(Files.readString(own).strip()),
                "the broker keeps hashes, not passwords");
        String before = Files.readString(own);
        run(Map.of("LIQUIDE_ROOT", root.toString()), CHECKOUT.resolve("showcase-config/systemd/install-render").toString(),
                "--listen", "127.0.0.1:" + port);
        assertEquals(before, Files.readString(own), "a second run keeps the passwords");

        // The Pi: its checkout's node files, and the account copied from the render machine.
        Path pi = root.resolve("pi");
        PiRoot piRoot = PiRoot.at(pi);
        Files.createDirectories(pi.resolve("opt/liquide/nodes"));
        Files.copy(CHECKOUT.resolve("showcase-config/systemd/liquide-node@.service"), pi.resolve("opt/liquide/liquide-node@.service"));
        Files.copy(CHECKOUT.resolve("showcase-config/nodes/entree.yaml"), pi.resolve("opt/liquide/nodes/entree.yaml"));
        Path copied = pi.resolve("node-entree");
        Files.copy(root.resolve("etc/liquide/broker/node-entree"), copied);
        run(Map.of("LIQUIDE_ROOT", pi.toString(), "PATH", piRoot.path()), CHECKOUT.resolve("showcase-config/systemd/install-node").toString(), "entree",
                copied.toString());
        Path installed = pi.resolve("opt/liquide/credentials/node-entree");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(installed)));
        assertFalse(Files.exists(copied), "the copy in transit is removed");
        var node = ((NodeFileResult.Valid) NodeFiles.load(pi.resolve("opt/liquide/nodes/entree.yaml"))).config();
        assertEquals(Path.of("/opt/liquide/credentials/node-entree"), node.security().credentialsFile().orElseThrow(),
                "the node file names where install-node puts the account");

        try (MosquittoProcess broker = MosquittoProcess.startConfigured(port, root.resolve("etc/mosquitto/conf.d/liquide.conf"));
             MqttSignalSource runtime = new MqttSignalSource(new SignalBus(), URI.create("tcp://127.0.0.1:" + port),
                     BrokerSecurity.credentials(own), "liquide/runtimes/regie-1/status", NodeRoster.open()).start();
             MqttReadingSink sink = MqttReadingSink.connect(MqttSettings.defaults(new BrokerAddress("127.0.0.1", port), "entree")
                     .withSecurity(BrokerSecurity.credentials(installed)))) {
            Await.until(Await.GENEROUS, "the runtime and the node connected with what the scripts installed",
                    () -> runtime.connected() && sink.isConnected());
        }
    }

    @Test
    void aNodeWithoutItsAccountIsNotInstalled() throws Exception {
        PiRoot pi = PiRoot.at(root);
        Files.createDirectories(root.resolve("opt/liquide/nodes"));
        Files.copy(CHECKOUT.resolve("showcase-config/nodes/table.yaml"), root.resolve("opt/liquide/nodes/table.yaml"));
        Path wrong = root.resolve("node-entree");
        Files.writeString(wrong, "node-entree:abc\n");
        String refused = runExpecting(2, Map.of("LIQUIDE_ROOT", root.toString(), "PATH", pi.path()),
                CHECKOUT.resolve("showcase-config/systemd/install-node").toString(), "table", wrong.toString());
        assertTrue(refused.contains("is not node-table's account"), refused);
        String missing = runExpecting(2, Map.of("LIQUIDE_ROOT", root.toString(), "PATH", pi.path()),
                CHECKOUT.resolve("showcase-config/systemd/install-node").toString(), "table");
        assertTrue(missing.contains("no broker account for table"), missing);
    }

    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        return runExpecting(0, env, command);
    }

    private static String runExpecting(int status, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        ChildRun run = ChildRun.run(builder, Duration.ofSeconds(60));
        assertEquals(status, run.exitCode(), String.join(" ", command) + ":\n" + run.output());
        return run.output();
    }
}
