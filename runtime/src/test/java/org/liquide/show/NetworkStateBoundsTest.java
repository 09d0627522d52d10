package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.MqttProbe;
import org.liquide.show.status.DeviceStatus;
import org.liquide.show.sync.ShowSync;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.signal.SignalBus;
import org.liquide.signal.source.MqttSignalSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Names made up on the broker: thousands of retained statuses of nodes and render machines nobody configured,
 * and readings of unknown nodes and sensors. The runtime keeps only its configured node and a bounded number
 * of peers, counts the rest, and its status answers all along.
 */
class NetworkStateBoundsTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    /** 5,000 keeps the suite quick (the bound is structural); {@code -Dliquide.test.madeUpNames=50000} for the full check. */
    private static final int MADE_UP = Integer.getInteger("liquide.test.madeUpNames", 5_000);

    @TempDir
    Path dir;

    private ShowcaseConfig showcase(URI broker) throws Exception {
        Path scene = Files.createDirectories(dir.resolve("scenes").resolve("rouge"));
        Files.writeString(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(1.0, 0.0, 0.0, 1.0); }\n");
        Files.writeString(scene.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        Path node = dir.resolve("entree.yaml");
        Files.writeString(node, "node: entree\nbroker: tcp://127.0.0.1:1883\nsensors:\n"
                + "  - {name: distance, type: vl53l1x, bus: 1, address: 0x29, rate_hz: 10}\n");
        return TestShowcases.withOpenPanel(TestShowcases.config(dir, List.of("rouge"), Optional.of(broker), false, List.of(node)));
    }

    private static List<String> names(String format, int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(i -> String.format(format, i)).toList();
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long dropped(SignalBus bus, String source, String reason) {
        return bus.sources().stream().filter(s -> s.source().equals(source)).mapToLong(s -> s.dropped(reason)).sum();
    }

    @Test
    void madeUpNamesAreCountedAndDroppedAndTheStatusAnswers() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start();
             MqttProbe outsider = MqttProbe.subscribe(broker.port(), "nothing/#")) {
            // Half before the runtime starts (retained: it gets them when it subscribes), half while it runs.
            outsider.publishToAll(names("liquide/nodes/fake-%d/status", 0, MADE_UP / 2), text("online"), true);
            outsider.publishToAll(names("liquide/runtimes/fake-%d/status", 0, MADE_UP / 2), text("online"), true);
            try (ShowRuntime runtime = ShowLauncher.start(showcase(URI.create(broker.url())), TestShowcases.offscreenWithPanel());
                 HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                URI status = runtime.panelUrl().orElseThrow().resolve("/api/status");
                SignalBus bus = runtime.bus();
                long slowestStatusMillis = 0;
                for (int from = MADE_UP / 2; from < MADE_UP; from += 500) {
                    outsider.publishToAll(names("liquide/nodes/fake-%d/status", from, from + 500), text("online"), true);
                    outsider.publishToAll(names("liquide/runtimes/fake-%d/status", from, from + 500), text("online"), true);
                    outsider.publishToAll(names("liquide/sensors/fake-%d/distance", from, from + 500), text("{\"t\": 1767225600000, \"v\": 1}"), false);
                    long asked = System.nanoTime();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    slowestStatusMillis = Math.max(slowestStatusMillis, (System.nanoTime() - asked) / 1_000_000);
                    assertEquals(200, answer.statusCode(), "the status answers during the flood");
                }
                outsider.publishRetained("liquide/nodes/entree/status", text("online"));
                outsider.publish("liquide/sensors/entree/distance", text("{\"t\": 1767225600000, \"v\": 640}"));
                outsider.publish("liquide/sensors/entree/made-up", text("{\"t\": 1767225600000, \"v\": 1}"));
                Await.until(WITHIN, "the configured node listed", () -> runtime.status().nodes().stream().anyMatch(n -> n.name().equals("entree")));
                // Mosquitto drops part of a flood for a client that is behind (its queue per client): not all arrive.
                Await.until(WITHIN, () -> "the made-up nodes counted, got " + dropped(bus, MqttSignalSource.SOURCE, "unknown-node"),
                        () -> dropped(bus, MqttSignalSource.SOURCE, "unknown-node") >= MADE_UP / 2);
                Await.until(WITHIN, "the unknown sensor counted", () -> dropped(bus, MqttSignalSource.SOURCE, "unknown-sensor") == 1);
                Await.until(WITHIN, () -> "the made-up runtimes beyond the bound counted, got " + bus.sources().stream()
                                .map(c -> c.source() + c.droppedByReason()).toList(),
                        () -> dropped(bus, ShowSync.SOURCE, "too-many-peers") >= MADE_UP / 2 - ShowSync.MAX_PEERS);

                assertEquals(List.of("entree"), runtime.status().nodes().stream().map(DeviceStatus::name).toList(),
                        "only the configured node is kept");
                assertTrue(runtime.status().runtimes().size() <= 1 + ShowSync.MAX_PEERS, "peers are bounded");
                assertTrue(bus.signals().stream().noneMatch(s -> s.name().startsWith("fake-")), "no signal of a made-up node");
                assertTrue(bus.signals().stream().anyMatch(s -> s.name().equals("entree/distance")), "the configured sensor's signal");
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
                assertTrue(answer.body().contains("\"entree\""), answer.body());
                System.gc();
                java.lang.Runtime memory = java.lang.Runtime.getRuntime();
                System.out.printf("made-up names: %d nodes and %d runtimes; slowest status during the flood %d ms; kept %d nodes, %d runtimes; "
                                + "heap in use %d MiB; drops %s%n", MADE_UP, MADE_UP, slowestStatusMillis, runtime.status().nodes().size(),
                        runtime.status().runtimes().size(), (memory.totalMemory() - memory.freeMemory()) >> 20,
                        bus.sources().stream().map(c -> c.source() + c.droppedByReason()).toList());
            }
        }
    }
}
