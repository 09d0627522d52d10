package org.liquide.oscquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illposed.osc.OSCMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;
import org.liquide.net.AddressRange;
import org.liquide.net.Senders;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The OSCQuery server against real clients (the JDK's HTTP client and WebSocket, JavaOSC's parser): the JSON has
 * the proposal's required attributes on every node, HOST_INFO, single attributes and the proposal's error codes;
 * LISTEN streams binary OSC, IGNORE stops it, PATH_CHANGED follows a change of the address space; the number of
 * clients is bounded; a sender not allowed is refused.
 */
class OscQueryServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<Float> level = new AtomicReference<>(0.25f);
    private final AtomicReference<Float> other = new AtomicReference<>(1f);
    private final AtomicReference<String> scene = new AtomicReference<>("matin");
    private final AtomicBoolean extra = new AtomicBoolean();
    private final List<AutoCloseable> open = new ArrayList<>();

    private OscNode namespace() {
        AddressTree tree = new AddressTree().describe("/", "a test show");
        tree.add(OscNode.method("/liquide/scene", "the scene on screen", "s", OscNode.READ_WRITE,
                List.of(ValueRange.of(List.of("matin", "soir"))), () -> List.of(scene.get())));
        tree.add(OscNode.method("/liquide/next", "the next scene", "N", OscNode.WRITE, List.of(), null));
        tree.add(OscNode.method("/liquide/scenes/matin/layer/fond/opacity", "opacity of layer 'fond'", "f", OscNode.READ,
                List.of(ValueRange.between(0, 1)), () -> List.of(level.get())));
        tree.add(OscNode.method("/liquide/signal/presence", "a signal", "f", OscNode.READ_WRITE, List.of(),
                () -> List.of(other.get())));
        tree.add(OscNode.method("/liquide/scenes/matin/layer/fond/input/rings", "an ISF input with no MIN or MAX", "f",
                OscNode.READ, List.of(ValueRange.between(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)), () -> List.of(9f)));
        if (extra.get()) {
            tree.add(OscNode.method("/liquide/extra", "added later", "f", OscNode.READ, List.of(), () -> List.of(0f)));
        }
        return tree.build();
    }

    private OscQueryServer start(Senders allowed) throws Exception {
        OscQueryServer server = new OscQueryServer(new OscQuerySettings("127.0.0.1", 0, "salle test", "regie-1", 9123,
                allowed, false), this::namespace).start();
        open.add(server);
        return server;
    }

    private OscQueryClient client(OscQueryServer server) {
        OscQueryClient client = new OscQueryClient(server.url());
        open.add(client);
        return client;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    @Test
    void theNamespaceHasTheRequiredAttributesOnEveryNode() throws Exception {
        OscQueryClient client = client(start(Senders.LOOPBACK));
        HttpResponse<String> root = client.get("/");
        assertEquals(200, root.statusCode());
        assertEquals("application/json", root.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode json = JSON.readTree(root.body());
        assertEquals("a test show", json.get("DESCRIPTION").asText());
        int[] methods = {0};
        checkNode(json, "/", methods);
        assertEquals(5, methods[0]);

        JsonNode opacity = json.at("/CONTENTS/liquide/CONTENTS/scenes/CONTENTS/matin/CONTENTS/layer/CONTENTS/fond/CONTENTS/opacity");
        assertEquals("/liquide/scenes/matin/layer/fond/opacity", opacity.get("FULL_PATH").asText());
        assertEquals("f", opacity.get("TYPE").asText());
        assertEquals(1, opacity.get("ACCESS").asInt());
        assertEquals(0.25, opacity.get("VALUE").get(0).asDouble());
        assertEquals(0.0, opacity.get("RANGE").get(0).get("MIN").asDouble());
        assertEquals(1.0, opacity.get("RANGE").get(0).get("MAX").asDouble());
        assertEquals("opacity of layer 'fond'", opacity.get("DESCRIPTION").asText());
        JsonNode sceneNode = json.at("/CONTENTS/liquide/CONTENTS/scene");
        assertEquals(List.of("matin", "soir"), JSON.convertValue(sceneNode.get("RANGE").get(0).get("VALS"), List.class));
        assertEquals(3, sceneNode.get("ACCESS").asInt());
        assertFalse(json.at("/CONTENTS/liquide/CONTENTS/next").has("VALUE"), "a method of type N has no value");
        assertTrue(json.at("/CONTENTS/liquide/CONTENTS/scenes/CONTENTS/matin/CONTENTS/layer/CONTENTS/fond/CONTENTS/input/CONTENTS/rings/RANGE/0").isNull(),
                "no range: the proposal's null placeholder");

        JsonNode sub = JSON.readTree(client.get("/liquide/scenes/matin").body());
        assertEquals("/liquide/scenes/matin", sub.get("FULL_PATH").asText());
        assertTrue(sub.at("/CONTENTS/layer/CONTENTS/fond/CONTENTS/opacity").has("VALUE"));
    }

    /** FULL_PATH where the node lies, ACCESS everywhere, TYPE on methods, CONTENTS on containers. */
    private static void checkNode(JsonNode node, String path, int[] methods) {
        assertEquals(path, node.get("FULL_PATH").asText(), "FULL_PATH");
        assertTrue(node.has("ACCESS"), path + " has ACCESS");
        if (node.has("TYPE")) {
            methods[0]++;
        } else {
            assertTrue(node.has("CONTENTS"), path + ": a container has CONTENTS");
        }
        if (node.has("CONTENTS")) {
            for (Map.Entry<String, JsonNode> child : node.get("CONTENTS").properties()) {
                checkNode(child.getValue(), (path.equals("/") ? "" : path) + "/" + child.getKey(), methods);
            }
        }
    }

    @Test
    void attributesHostInfoAndErrorsAsTheProposalSays() throws Exception {
        OscQueryClient client = client(start(Senders.LOOPBACK));
        assertEquals(Map.of("VALUE", List.of(0.25)), JSON.readValue(client.get("/liquide/scenes/matin/layer/fond/opacity?VALUE").body(), Map.class));
        assertEquals(Map.of("VALUE", List.of("matin")), JSON.readValue(client.get("/liquide/scene?VALUE").body(), Map.class));
        assertEquals(Map.of("TYPE", "s"), JSON.readValue(client.get("/liquide/scene?TYPE").body(), Map.class));
        assertEquals(Map.of(), JSON.readValue(client.get("/liquide?TYPE").body(), Map.class), "a container has no type");
        assertEquals(204, client.get("/liquide/next?VALUE").statusCode(), "write-only: its value cannot be read");
        assertEquals(204, client.get("/liquide/scene?UNIT").statusCode(), "an optional attribute not provided");
        assertEquals(400, client.get("/liquide/scene?NONSENSE").statusCode(), "an attribute the proposal does not know");
        assertEquals(404, client.get("/liquide/bazzzz").statusCode());
        assertEquals(404, client.get("/liquide/scenes/matin/layer/fond/opacity/deeper?VALUE").statusCode());

        JsonNode host = JSON.readTree(client.get("/liquide/scene?HOST_INFO").body());
        assertEquals("salle test", host.get("NAME").asText());
        assertEquals("127.0.0.1", host.get("OSC_IP").asText());
        assertEquals(9123, host.get("OSC_PORT").asInt());
        assertEquals("UDP", host.get("OSC_TRANSPORT").asText());
        for (String extension : List.of("ACCESS", "VALUE", "RANGE", "DESCRIPTION", "LISTEN", "PATH_CHANGED")) {
            assertTrue(host.get("EXTENSIONS").get(extension).asBoolean(), extension);
        }
        assertFalse(host.has("FULL_PATH"), "HOST_INFO answers with that object only");
    }

    @Test
    void listenStreamsEachNewValueAsBinaryOscAndIgnoreStopsIt() throws Exception {
        OscQueryClient client = client(start(Senders.LOOPBACK)).connect();
        String opacity = "/liquide/scenes/matin/layer/fond/opacity";
        client.command("LISTEN", opacity);
        assertMessage(client.next(), opacity, 0.25f);

        level.set(0.75f);
        assertMessage(client.next(), opacity, 0.75f);

        client.command("IGNORE", opacity);
        // The server handles one client's messages in order: once the value of a path listened to after the
        // IGNORE arrives, the IGNORE has been handled.
        client.command("LISTEN", "/liquide/signal/presence");
        assertMessage(client.next(), "/liquide/signal/presence", 1f);
        level.set(0.5f);
        other.set(2f);
        assertMessage(client.next(), "/liquide/signal/presence", 2f);
        scene.set("soir");
        client.command("LISTEN", "/liquide/scene");
        OSCMessage sceneMessage = client.next();
        assertEquals("/liquide/scene", sceneMessage.getAddress(), "nothing more for the path ignored");
        assertEquals(List.of("soir"), sceneMessage.getArguments());
    }

    private static void assertMessage(OSCMessage message, String address, float value) {
        assertEquals(address, message.getAddress());
        assertEquals(List.of(value), message.getArguments());
    }

    @Test
    void aChangeOfTheAddressSpaceIsToldAsPathChanged() throws Exception {
        OscQueryClient client = client(start(Senders.LOOPBACK)).connect();
        client.command("LISTEN", "/liquide/scene");
        client.next();
        extra.set(true);
        String text = client.texts.poll(OscQueryClient.WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(text, "PATH_CHANGED within the deadline");
        assertEquals(Map.of("COMMAND", "PATH_CHANGED", "DATA", "/"), JSON.readValue(text, Map.class));
        assertEquals(200, client.get("/liquide/extra").statusCode());
    }

    @Test
    void theNumberOfStreamingClientsIsBounded() throws Exception {
        OscQueryServer server = start(Senders.LOOPBACK);
        List<OscQueryClient> clients = new ArrayList<>();
        for (int i = 0; i < ValueStream.MAX_CLIENTS; i++) {
            clients.add(client(server).connect());
        }
        Await.until(OscQueryClient.WITHIN, "all connected", () -> server.streamingClients() == ValueStream.MAX_CLIENTS);
        OscQueryClient oneTooMany = client(server).connect();
        assertEquals(1013, oneTooMany.closed.get(OscQueryClient.WITHIN.toSeconds(), TimeUnit.SECONDS), "try again later");
        clients.getFirst().close();
        Await.until(OscQueryClient.WITHIN, "a place freed", () -> server.streamingClients() == ValueStream.MAX_CLIENTS - 1);
        OscQueryClient next = client(server).connect();
        next.command("LISTEN", "/liquide/scene");
        assertEquals("/liquide/scene", next.next().getAddress());
    }

    @Test
    void aTakenPortIsRefusedWithTheSystemsReason() throws Exception {
        OscQueryServer first = start(Senders.LOOPBACK);
        OscQueryServer second = new OscQueryServer(new OscQuerySettings("127.0.0.1", first.port(), "salle test", "regie-1",
                9123, Senders.LOOPBACK, false), this::namespace);
        java.net.BindException taken = assertThrows(java.net.BindException.class, second::start);
        assertTrue(taken.getMessage().contains("in use"), taken.getMessage());
    }

    @Test
    void aSenderNotAllowedIsRefusedAndCounted() throws Exception {
        OscQueryServer server = start(new Senders(List.of(AddressRange.parse("10.9.9.9").orElseThrow())));
        OscQueryClient client = client(server);
        assertEquals(403, client.get("/").statusCode());
        assertEquals(403, client.get("/liquide/scene?HOST_INFO").statusCode());
        ExecutionException upgrade = assertThrows(ExecutionException.class, client::connect);
        assertInstanceOf(java.net.http.WebSocketHandshakeException.class, upgrade.getCause());
        assertEquals(403, ((java.net.http.WebSocketHandshakeException) upgrade.getCause()).getResponse().statusCode());
        assertEquals(3, server.refused());
        assertEquals(0, server.streamingClients());
    }
}
