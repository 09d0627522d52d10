package org.liquide.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** Each API command reaches {@link org.liquide.show.api.ShowControl} with the right arguments, and refusals say why. */
class ApiCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestServer server;
    private TestClient client;
    private String[] auth;

    @BeforeEach
    void start() {
        server = new TestServer(dir, false);
        client = server.client();
        auth = TestClient.bearer(server.token);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String json) {
        return client.post(path, json, auth);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private void assertError(int status, HttpResponse<String> response, String mentions) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json(response).path("error").asText().contains(mentions), response.body());
    }

    @Test
    void statusIsTheShowsSnapshotAsDocumented() {
        JsonNode s = json(client.get("/api/status", auth));
        assertEquals("Reflets", s.path("showcase").asText());
        assertEquals("biais", s.path("scene").asText());
        assertEquals("marée", s.path("nextScene").asText());
        assertEquals(754.2, s.path("nextInSeconds").asDouble());
        assertEquals("2027-01-15T18:04:05.120Z", s.path("time").asText());
        assertEquals(120, s.path("frames").path("recentIntervalsMillis").size());
        assertEquals(1_284_311, s.path("frames").path("framesRendered").asLong());
        JsonNode main = s.path("outputs").get(0);
        assertEquals("main", main.path("name").asText());
        assertEquals(1, main.path("previewVersion").asLong());
        assertEquals("[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,1.0]]", main.path("corners").toString());
        assertEquals(0.42, s.path("generators").get(0).path("skipRatio").asDouble());
        assertTrue(s.path("generators").get(0).path("lastError").isNull(), "an empty error is null");
        JsonNode lidar = s.path("signals").get(2);
        assertTrue(lidar.path("raw").isNull(), "NaN is null in JSON");
        assertTrue(lidar.path("stale").asBoolean());
        assertEquals("stale", s.path("nodes").get(0).path("state").asText());
        assertEquals(List.of(), server.show.calls());
    }

    @Test
    void statusShowsEachAudioInputAndTheOutput() {
        JsonNode sound = json(client.get("/api/status", auth)).path("sound");
        JsonNode salle = sound.path("inputs").get(0);
        assertEquals("salle", salle.path("name").asText());
        assertEquals("default", salle.path("device").asText());
        assertEquals("online", salle.path("state").asText());
        assertEquals(-23.4, salle.path("levelDb").asDouble());
        assertTrue(salle.path("problem").isNull(), "no problem is null");
        JsonNode lost = sound.path("inputs").get(1);
        assertEquals("lost", lost.path("state").asText());
        assertTrue(lost.path("levelDb").isNull(), "no level before the first hop");
        assertEquals(2, lost.path("outages").asLong());
        assertEquals("no sound device matching 'Shure'", lost.path("problem").asText());
        JsonNode output = sound.path("output");
        assertEquals(3, output.path("underruns").asLong());
        assertEquals(-6, output.path("gainDb").asDouble());
        assertTrue(output.path("mutedBy").isNull(), "sounding");
        assertEquals(200, post("/api/blackout", "{\"on\": true}").statusCode());
        assertEquals("blackout", json(client.get("/api/status", auth)).path("sound").path("output").path("mutedBy").asText());
    }

    @Test
    void scenes() {
        JsonNode body = json(client.get("/api/scenes", auth));
        assertEquals("[\"biais\",\"marée\",\"nuit\"]", body.path("scenes").toString());
        assertEquals("biais", body.path("current").asText());

        assertEquals(200, post("/api/scene", "{\"name\": \"marée\"}").statusCode());
        assertError(404, post("/api/scene", "{\"name\": \"nope\"}"), "known: biais, marée, nuit");
        assertError(400, post("/api/scene", "{\"scene\": \"biais\"}"), "\"name\"");
        assertError(400, post("/api/scene", "{\"name\": 3}"), "\"name\"");
        assertError(400, post("/api/scene", "{nope"), "not valid JSON");
        assertError(400, post("/api/scene", "[\"biais\"]"), "JSON object");
        assertError(415, client.post("/api/scene", "name=biais", "Content-Type", "application/x-www-form-urlencoded",
                auth[0], auth[1]), "application/json");
        assertEquals(List.of("switchScene(marée)", "switchScene(nope)"), server.show.calls());
        assertEquals("marée", json(client.get("/api/status", auth)).path("scene").asText());
    }

    @Test
    void showCommands() {
        assertEquals(200, post("/api/next", null).statusCode());
        assertEquals(200, post("/api/blackout", "{\"on\": true}").statusCode());
        assertEquals(200, post("/api/blackout", "{\"on\": false}").statusCode());
        assertError(400, post("/api/blackout", "{\"on\": 1}"), "true or false");
        assertError(400, post("/api/blackout", "{}"), "true or false");
        assertEquals(200, post("/api/sleep", null).statusCode());
        assertEquals(200, post("/api/wake", null).statusCode());
        assertEquals(200, post("/api/reload", null).statusCode());
        assertEquals(200, post("/api/generators/reve/restart", null).statusCode());
        assertEquals(200, post("/api/generators/all/restart", null).statusCode());
        assertError(404, post("/api/generators/nope/restart", null), "nope");
        assertEquals(List.of("next()", "blackout(true)", "blackout(false)", "sleep()", "wake()", "reload()",
                "restartGenerator(reve)", "restartGenerator(all)"), server.show.calls());
        assertEquals("{\"ok\":true}", post("/api/next", null).body());
        assertEquals(404, client.get("/api/next", auth).statusCode(), "commands are POST only");
    }

    @Test
    void snapshotAnswersThePathOnceWritten() {
        HttpResponse<String> r = post("/api/snapshot", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("/var/lib/liquide/journal/2027-01-15/180405-biais.jpg", json(r).path("path").asText());

        CompletableFuture<Path> later = new CompletableFuture<>();
        server.show.nextSnapshot(later);
        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> post("/api/snapshot", null));
        server.show.awaitCall("snapshot()");
        assertFalse(pending.isDone(), "the answer waits for the file, without holding the show");
        later.complete(Path.of("/journal/late.jpg"));
        assertEquals("/journal/late.jpg", json(pending.join()).path("path").asText());

        server.show.nextSnapshot(CompletableFuture.failedFuture(new IllegalStateException("disk full")));
        assertError(500, post("/api/snapshot", null), "disk full");
    }

    @Test
    void warpCorners() {
        HttpResponse<String> r = client.put("/api/displays/mur/corners/2", "{\"x\": 0.93, \"y\": 0.97}", auth);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("setWarpCorner(mur,2,0.930,0.970)"), server.show.calls());
        JsonNode mur = json(client.get("/api/status", auth)).path("outputs").get(1);
        assertEquals("[0.93,0.97]", mur.path("corners").get(2).toString());

        assertError(404, client.put("/api/displays/nope/corners/0", "{\"x\": 0.1, \"y\": 0.1}", auth), "nope");
        assertError(404, client.put("/api/displays/mur/corners/4", "{\"x\": 0.1, \"y\": 0.1}", auth), "corner 4");
        assertError(400, client.put("/api/displays/mur/corners/0", "{\"x\": 1.5, \"y\": 0.1}", auth), "[0, 1]");
        assertError(400, client.put("/api/displays/mur/corners/0", "{\"x\": \"0.1\", \"y\": 0.1}", auth), "\"x\"");
        assertError(400, client.put("/api/displays/mur/corners/0", "{\"x\": 0.1}", auth), "\"y\"");
        assertEquals(1, server.show.calls().size());
    }

    @Test
    void simulatedSignalsOnlyInRehearsal() {
        HttpResponse<String> r = post("/api/signals/presence", "{\"value\": 0.4}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(200, post("/api/signals/td/fader1", "{\"value\": 1}").statusCode(), "names with slashes");
        assertError(404, post("/api/signals/nope", "{\"value\": 0.4}"), "nope");
        assertError(400, post("/api/signals/presence", "{\"value\": null}"), "\"value\"");
        assertEquals(List.of("setSimulatedSignal(presence,0.40)", "setSimulatedSignal(td/fader1,1.00)"), server.show.calls());
        assertEquals(0.4, json(client.get("/api/status", auth)).path("signals").get(0).path("raw").asDouble());

        server.show.rehearsal(false);
        assertError(409, post("/api/signals/presence", "{\"value\": 0.4}"), "rehearsal");
        assertEquals(2, server.show.calls().size());
    }

    @Test
    void previewsAreTheLatestJpegWithTheirVersionAsETag() {
        HttpResponse<byte[]> first = client.getBytes("/api/preview/main.jpg", auth);
        assertEquals(200, first.statusCode());
        assertEquals("image/jpeg", first.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(server.previews.jpeg("main"), first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, client.getBytes("/api/preview/main.jpg", auth[0], auth[1], "If-None-Match", etag).statusCode());

        server.previews.publish("main", Color.ORANGE, 320, 180);
        HttpResponse<byte[]> second = client.getBytes("/api/preview/main.jpg", auth[0], auth[1], "If-None-Match", etag);
        assertEquals(200, second.statusCode());
        assertFalse(Arrays.equals(first.body(), second.body()));
        assertNotEquals(etag, second.headers().firstValue("ETag").orElseThrow());

        assertError(404, client.get("/api/preview/side.jpg", auth), "no preview of side");
        assertError(404, client.get("/api/preview/main.png", auth), "previews are at");
    }

    @Test
    void logTail() {
        JsonNode all = json(client.get("/api/log", auth)).path("lines");
        assertEquals(2, all.size());
        assertEquals("WARN", all.get(1).path("level").asText());
        assertEquals("CameraFeed", all.get(1).path("logger").asText());
        assertEquals("2027-01-15T18:04:03Z", all.get(1).path("time").asText());
        JsonNode last = json(client.get("/api/log?lines=1", auth)).path("lines");
        assertEquals(1, last.size());
        assertEquals(all.get(1), last.get(0));
        assertError(400, client.get("/api/log?lines=0", auth), "lines must be 1 to 200");
        assertError(400, client.get("/api/log?lines=lots", auth), "lines must be");
        assertError(400, client.get("/api/log?lines=100000", auth), "lines must be");
    }

    @Test
    void unknownPathsAreJson404s() {
        assertError(404, client.get("/api/nope", auth), "not found");
        assertError(404, post("/api/nope", "{}"), "not found");
    }
}
