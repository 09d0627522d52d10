package org.liquide.show;

import org.liquide.app.ShowLauncher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.net.Senders;
import org.liquide.showcase.OscConfig;
import org.liquide.showcase.OscQueryConfig;
import org.liquide.showcase.ShowcaseConfig;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A running show publishes what its OSC input really obeys: the scene switch (whose range lists the scenes),
 * the triggers, the signals its mappings read and each scene's parameters with the ISF file's range. Driving the
 * show through the addresses the namespace gives (OSC over UDP, to the port HOST_INFO names) changes what the
 * namespace says, and a LISTENing WebSocket client receives the parameter a signal moves, as binary OSC.
 */
class OscQueryShowTest {
    private static final Duration WITHIN = Await.GENEROUS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theNamespaceDescribesTheAddressesTheShowObeys() throws Exception {
        Path scenes = Files.createDirectories(dir.resolve("scenes"));
        Path aube = Files.createDirectories(scenes.resolve("aube"));
        Files.writeString(aube.resolve("level.fs"), """
                /*{
                  "DESCRIPTION": "a grey level",
                  "INPUTS": [ {"NAME": "level", "LABEL": "Level", "TYPE": "float", "DEFAULT": 0.2, "MIN": 0.0, "MAX": 2.0} ]
                }*/
                void main() { gl_FragColor = vec4(vec3(level), 1.0); }
                """);
        Files.writeString(aube.resolve("scene.yaml"), """
                description: un gris que la présence éclaire
                transition: 0s
                layers:
                  - {name: fond, type: shader, file: level.fs}
                mappings:
                  - {signal: presence, target: layer.fond.input.level, default: 0.3, timeout: 60s}
                """);
        Path nuit = Files.createDirectories(scenes.resolve("nuit"));
        Files.writeString(nuit.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: noir, type: shader, file: ../aube/level.fs}\n");

        int oscPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            oscPort = probe.getLocalPort();
        }
        int queryPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            queryPort = probe.getLocalPort();
        }
        ShowcaseConfig config = TestShowcases.withOsc(TestShowcases.config(dir, List.of("aube", "nuit"), Optional.empty(), false, List.of()),
                new OscConfig("127.0.0.1", oscPort, Senders.LOOPBACK, Senders.LOOPBACK, new OscQueryConfig(true, queryPort, false)));
        URI base = URI.create("http://127.0.0.1:" + queryPort + "/");
        HttpClient http = HttpClient.newHttpClient();
        try (ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen());
             DatagramSocket sender = new DatagramSocket()) {
            Await.until(WITHIN, "scene aube on screen", () -> value(http, base, "/liquide/scene").equals(List.of("aube")));

            JsonNode root = JSON.readTree(get(http, base, "/").body());
            JsonNode scene = root.at("/CONTENTS/liquide/CONTENTS/scene");
            assertEquals("s", scene.get("TYPE").asText());
            assertEquals(List.of("aube", "nuit"), JSON.convertValue(scene.at("/RANGE/0/VALS"), List.class));
            assertEquals("N", root.at("/CONTENTS/liquide/CONTENTS/next/TYPE").asText());
            assertEquals("T", root.at("/CONTENTS/liquide/CONTENTS/blackout/TYPE").asText());
            JsonNode level = root.at("/CONTENTS/liquide/CONTENTS/scenes/CONTENTS/aube/CONTENTS/layer/CONTENTS/fond/CONTENTS/input/CONTENTS/level");
            assertEquals("/liquide/scenes/aube/layer/fond/input/level", level.get("FULL_PATH").asText());
            assertEquals("f", level.get("TYPE").asText());
            assertEquals(1, level.get("ACCESS").asInt(), "read-only: its mapping moves it");
            assertEquals(0.0, level.at("/RANGE/0/MIN").asDouble());
            assertEquals(2.0, level.at("/RANGE/0/MAX").asDouble());
            assertTrue(level.get("DESCRIPTION").asText().contains("/liquide/signal/presence"), level.get("DESCRIPTION").asText());
            assertEquals("un gris que la présence éclaire", root.at("/CONTENTS/liquide/CONTENTS/scenes/CONTENTS/aube/DESCRIPTION").asText());
            JsonNode presence = root.at("/CONTENTS/liquide/CONTENTS/signal/CONTENTS/presence");
            assertEquals(3, presence.get("ACCESS").asInt());
            assertTrue(root.at("/CONTENTS/liquide/CONTENTS/scenes/CONTENTS/nuit/CONTENTS/layer/CONTENTS/noir/CONTENTS/opacity").has("VALUE"));
            assertEquals(oscPort, JSON.readTree(get(http, base, "/?HOST_INFO").body()).get("OSC_PORT").asInt());

            BlockingQueue<OSCMessage> packets = new LinkedBlockingQueue<>();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + queryPort + "/"), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                    try {
                        packets.add((OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(data));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            try {
                String path = "/liquide/scenes/aube/layer/fond/input/level";
                // While its signal is silent the mapping holds the input at its default, before and after the scene is built.
                Await.until(WITHIN, "the mapping's default while its signal is silent", () -> value(http, base, path).equals(List.of(0.3)));
                ws.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"" + path + "\"}", true).get(30, TimeUnit.SECONDS);
                assertEquals(List.of(0.3f), next(packets, path).getArguments());
                send(sender, oscPort, "/liquide/signal/presence", 1.5f);
                assertEquals(List.of(1.5f), next(packets, path).getArguments(), "moved by the mapping, seen on the render thread");
                assertEquals(List.of(1.5), value(http, base, "/liquide/signal/presence"));
            } finally {
                ws.abort();
            }

            send(sender, oscPort, "/liquide/blackout", true);
            Await.until(WITHIN, "blackout told", () -> value(http, base, "/liquide/blackout").equals(List.of(true)));
            send(sender, oscPort, "/liquide/scene", "nuit");
            Await.until(WITHIN, "scene nuit", () -> value(http, base, "/liquide/scene").equals(List.of("nuit")));
            send(sender, oscPort, "/liquide/next", (Object) null); // N, as an OSCQuery client sends to a method of type N
            Await.until(WITHIN, "back to aube by next", () -> value(http, base, "/liquide/scene").equals(List.of("aube")));
        }
    }

    private static OSCMessage next(BlockingQueue<OSCMessage> packets, String path) throws InterruptedException {
        OSCMessage message = packets.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(message, "a value of " + path + " streamed");
        assertEquals(path, message.getAddress());
        return message;
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<?> value(HttpClient http, URI base, String path) {
        try {
            HttpResponse<String> response = get(http, base, path + "?VALUE");
            return response.statusCode() == 200 ? JSON.readValue(response.body(), java.util.Map.class).getOrDefault("VALUE", List.of()) instanceof List<?> l ? l : List.of() : List.of();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static void send(DatagramSocket from, int port, String address, Object... arguments) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buffer))
                .write(new OSCMessage(address, Arrays.asList(arguments)));
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        from.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
    }
}
