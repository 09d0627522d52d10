package org.liquide.show;

import org.liquide.app.ShowLauncher;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.CapturedLog;
import org.liquide.hardware.testing.MqttProbe;
import org.liquide.show.sync.ShowSync;
import org.liquide.showcase.OscConfig;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.signal.source.OscSignalSource;
import org.liquide.testing.LiquideProcess;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Floods of what the network can send a running show, all at once: OSC datagrams each bundling 1,805
 * {@code /liquide/next}, MQTT show commands and sensor readings as fast as the broker takes them, wrong
 * tokens on the API. The status answers all along, the scene changes a bounded number of times, a
 * command after the flood is carried out at once (nothing was queued), and the log gets a few lines a second.
 */
class NetworkFloodTest {
    /** 4 s keeps the suite quick; {@code -Dliquide.test.floodSeconds=10} for the full check. */
    private static final Duration FLOOD = Duration.ofSeconds(Long.getLong("liquide.test.floodSeconds", 4));
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final int NEXT_PER_BUNDLE = 1_805;

    @TempDir
    Path dir;

    private void scene(String name, String rgb) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenes").resolve(name));
        Files.writeString(folder.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(" + rgb + ", 1.0); }\n");
        Files.writeString(folder.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
    }

    private ShowcaseConfig showcase(URI broker, int oscPort) throws Exception {
        scene("rouge", "1.0, 0.0, 0.0");
        scene("bleu", "0.0, 0.0, 1.0");
        Path node = dir.resolve("entree.yaml");
        Files.writeString(node, "node: entree\nbroker: tcp://127.0.0.1:1883\nsensors:\n"
                + "  - {name: distance, type: vl53l1x, bus: 1, address: 0x29, rate_hz: 10}\n");
        ShowcaseConfig base = TestShowcases.config(dir, List.of("rouge", "bleu"), Optional.of(broker), false, List.of(node));
        return TestShowcases.withOsc(TestShowcases.withOpenPanel(base), new OscConfig("127.0.0.1", oscPort));
    }

    /** One OSC bundle (immediate) of {@code count} {@code /liquide/next} messages without arguments. */
    private static byte[] bundleOfNext(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#bundle\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[]{0, 0, 0, 0, 0, 0, 0, 1});
        byte[] message = "/liquide/next\0\0\0,\0\0\0".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(message.length).array());
            out.writeBytes(message);
        }
        return out.toByteArray();
    }

    @Test
    void floodsLeaveTheStatusAnsweringTheSceneSteadyAndTheLogQuiet() throws Exception {
        int oscPort = LiquideProcess.freeUdpPort();
        try (MosquittoProcess broker = MosquittoProcess.start();
             MqttProbe controller = MqttProbe.subscribe(broker.port(), "nothing/#");
             ShowRuntime runtime = ShowLauncher.start(showcase(URI.create(broker.url()), oscPort), TestShowcases.offscreenWithPanel());
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
             DatagramSocket osc = new DatagramSocket()) {
            ShowFrames.awaitCentre(runtime, 0xFF0000, WITHIN, "the first scene");
            AtomicInteger sceneChanges = new AtomicInteger();
            runtime.player().onSceneChange((scene, transition) -> sceneChanges.incrementAndGet()); // beside the show's own listener
            URI status = runtime.panelUrl().orElseThrow().resolve("/api/status");
            URI next = runtime.panelUrl().orElseThrow().resolve("/api/next");
            byte[] bundle = bundleOfNext(NEXT_PER_BUNDLE);
            String topic = ShowSync.commandTopic("test");
            List<String> commandTopics = Collections.nCopies(50, topic);
            List<String> readingTopics = Collections.nCopies(50, "liquide/sensors/entree/distance");
            byte[] blackout = "{\"from\":\"qlab\",\"command\":\"blackout\",\"on\":false}".getBytes(StandardCharsets.UTF_8);
            byte[] reading = "{\"t\": 1767225600000, \"v\": 700}".getBytes(StandardCharsets.UTF_8);

            long start = System.nanoTime();
            int bundles = 0;
            int statusCalls = 0;
            List<String> logged;
            // At the show's level (the tests' logback-test.xml says WARN).
            try (CapturedLog log = CapturedLog.of("org.liquide").at(Level.INFO)) {
                while (System.nanoTime() - start < FLOOD.toNanos()) {
                    for (int i = 0; i < 5; i++) {
                        osc.send(new DatagramPacket(bundle, bundle.length, InetAddress.getLoopbackAddress(), oscPort));
                        bundles++;
                    }
                    controller.publishToAll(commandTopics, blackout, false);
                    controller.publishToAll(readingTopics, reading, false);
                    http.send(HttpRequest.newBuilder(next).POST(HttpRequest.BodyPublishers.noBody())
                            .header("Authorization", "Bearer wrong-" + bundles).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, answer.statusCode(), "the status answers during the flood");
                    statusCalls++;
                }
                logged = log.messages();
            }
            double floodSeconds = (System.nanoTime() - start) / 1e9;
            long lines = logged.size();

            int changesDuringFlood = sceneChanges.get();
            runtime.control().switchScene("bleu");
            ShowFrames.awaitCentre(runtime, 0x0000FF, WITHIN, "a switch after the flood");
            runtime.control().switchScene("rouge");
            ShowFrames.awaitCentre(runtime, 0xFF0000, WITHIN, "the next switch, with no backlog of commands before it");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), "the status answers after the flood");

            String summary = bundles + " bundles of " + NEXT_PER_BUNDLE + " next, " + bundles / 5 * 50 + " MQTT commands and readings each, "
                    + statusCalls + " status calls in " + String.format("%.1f", floodSeconds) + " s: " + changesDuringFlood
                    + " scene changes, " + lines + " log lines";
            System.out.println("flood: " + summary);
            assertTrue(bundles >= 2, summary);
            // One change per 0.5 s at most, with room for a slow machine; the flood asked for thousands.
            assertTrue(changesDuringFlood <= 2 * floodSeconds + 3, summary);
            // Each kind of line: 5 per 10 s and a summary; a dozen kinds at most, and the scene changes.
            assertTrue(lines <= 80 + 2 * floodSeconds, summary + "\n" + logged.stream().limit(100)
                    .reduce("", (a, b) -> a + "\n" + b));
            long tooMany = runtime.bus().sources().stream().filter(s -> s.source().equals(OscSignalSource.SOURCE))
                    .mapToLong(s -> s.dropped("too-many-in-datagram")).sum();
            assertTrue(tooMany > 0, "the bundles' messages beyond the bound are counted");
            Await.until(WITHIN, "the readings reached the bus", () -> runtime.bus().signals().stream()
                    .anyMatch(s -> s.name().equals("entree/distance")));
        }
    }
}
