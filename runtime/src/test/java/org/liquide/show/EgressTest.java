package org.liquide.show;

import org.liquide.app.ShowLauncher;
import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.testing.Await;
import org.liquide.net.AddressRange;
import org.liquide.net.Senders;
import org.liquide.show.status.InputStatus;
import org.liquide.showcase.CameraConfig;
import org.liquide.showcase.OscConfig;
import org.liquide.showcase.ShowcaseConfig;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runtime opens no connection the configuration did not name: a show with a broker (the shipped broker
 * configuration, with its account) and a network camera runs in this process while every socket this process
 * holds is listed from /proc; each new connection must go to one of the two. No DNS, no telemetry, no model hub.
 * The same show also refuses an OSC command from a sender its configuration does not allow, and counts it.
 */
class EgressTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void everyConnectionTheShowOpensGoesToTheBrokerOrTheCameraItNames() throws Exception {
        Path scene = Files.createDirectories(dir.resolve("scenes/fond"));
        Files.writeString(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.2, 0.4, 0.6, 1.0); }\n");
        Files.writeString(scene.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        Path brokerRoot = Files.createDirectories(dir.resolve("broker"));
        Set<Long> before = SocketsOfThisProcess.socketInodes();
        try (var broker = org.liquide.signal.ShippedBroker.start(brokerRoot, false);
             SilentCamera camera = new SilentCamera();
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            int oscPort;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                oscPort = probe.getLocalPort();
            }
            ShowcaseConfig base = TestShowcases.config(dir, List.of("fond"), Optional.of(broker.url()), false, List.of());
            ShowcaseConfig config = new ShowcaseConfig(base.file(), "ecritures-liquides", "regie-1", base.output(), List.of(),
                    List.of(new CameraConfig("salle", "http://127.0.0.1:" + camera.port() + "/stream.mjpg", false, false)),
                    base.broker(), Optional.of(new OscConfig("127.0.0.1", oscPort,
                            new Senders(List.of(AddressRange.parse("127.0.0.0/8").orElseThrow())), Senders.LOOPBACK)),
                    List.of(), false, base.models(), base.scenesFolder(), base.schedule(), base.playlist(), base.control(),
                    base.recording(), base.sync()).withBrokerSecurity(BrokerSecurity.credentials(broker.account("render-regie-1")));
            Set<InetSocketAddress> named = Set.of(new InetSocketAddress("127.0.0.1", broker.port()),
                    new InetSocketAddress("127.0.0.1", camera.port()));

            try (ConnectionWatch watch = new ConnectionWatch(before, camera.port());
                 ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen())) {
                Await.until(WITHIN, () -> "the broker and the camera reached; connections: " + watch.remotes(),
                        () -> watch.remotes().containsAll(named) && camera.accepted() > 0);
                ShowFrames.awaitCentre(runtime, 0x336699, WITHIN, "the scene drawn");

                // A show command over OSC from a sender the configuration does not name: nothing happens, it is counted.
                send(stranger, oscPort, "/liquide/blackout", 1);
                Await.until(WITHIN, () -> "the refused command counted; inputs: " + runtime.status().inputs(),
                        () -> refused(runtime) == 1);
                assertFalse(runtime.status().blackout());

                assertEquals(Set.of(), unnamed(watch, named), "connections nobody named");

                // The watch does see a connection nobody named (the test opens it, in this process).
                try (ServerSocket elsewhere = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                     Socket stray = new Socket(InetAddress.getLoopbackAddress(), elsewhere.getLocalPort())) {
                    InetSocketAddress strayEnd = new InetSocketAddress("127.0.0.1", elsewhere.getLocalPort());
                    Await.until(WITHIN, "the stray connection seen", () -> watch.remotes().contains(strayEnd));
                    assertEquals(Set.of(strayEnd), unnamed(watch, named));
                }
            }
        }
    }

    private static Set<InetSocketAddress> unnamed(ConnectionWatch watch, Set<InetSocketAddress> named) {
        Set<InetSocketAddress> others = new java.util.HashSet<>(watch.remotes());
        others.removeAll(named);
        return others;
    }

    private static long refused(ShowRuntime runtime) {
        return runtime.status().inputs().stream().filter(i -> i.source().equals("osc")).map(InputStatus::dropped)
                .mapToLong(d -> d.getOrDefault("command-sender-refused", 0L)).sum();
    }

    private static void send(DatagramSocket from, int port, String address, Object... arguments) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buffer)).write(new OSCMessage(address, List.of(arguments)));
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        from.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
    }

    /**
     * Lists this process's connections every 10 ms on a thread of its own, and keeps the remote ends of those that
     * were not there before, leaving out the server side of the test's camera.
     */
    private static final class ConnectionWatch implements AutoCloseable {
        private final Set<InetSocketAddress> remotes = ConcurrentHashMap.newKeySet();
        private final Thread thread;
        private volatile boolean running = true;

        ConnectionWatch(Set<Long> before, int cameraPort) {
            thread = Thread.ofPlatform().name("egress-watch").daemon().start(() -> {
                while (running) {
                    try {
                        for (var c : SocketsOfThisProcess.connections()) {
                            if (!before.contains(c.inode()) && c.local().getPort() != cameraPort) {
                                remotes.add(new InetSocketAddress(c.remote().getAddress(), c.remote().getPort()));
                            }
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                }
            });
        }

        Set<InetSocketAddress> remotes() {
            return Set.copyOf(remotes);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** A network camera that accepts connections and never answers: enough to be connected to. */
    private static final class SilentCamera implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> clients = new CopyOnWriteArrayList<>();

        SilentCamera() throws IOException {
            Thread.ofPlatform().name("silent-camera").daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        clients.add(server.accept());
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
