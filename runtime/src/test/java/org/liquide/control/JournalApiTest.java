package org.liquide.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.record.JournalEntry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.control.TestClient.bearer;

/** Recording and the journal over the API: answers, refusals, files with their exact types, and no way out of the journal. */
class JournalApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SNAPSHOT = "snapshots/2027-01-15/180405-biais.jpg";
    static final String VERSION = "versions/2027-01-15/170000-scenes_biais_scene.yaml.txt";
    static final String DIFF = "versions/2027-01-15/181500-scenes_biais_scene.yaml.diff";
    static final String RECORDING = "recordings/2027-01-15/175000-biais.mp4";

    @TempDir
    Path dir;
    private TestServer server;
    private TestClient client;
    private String[] auth;
    private Path journal;
    private byte[] mp4;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(dir, false);
        client = server.client();
        auth = bearer(server.token);
        journal = dir.resolve("journal");
        mp4 = new byte[300_000];
        for (int i = 0; i < mp4.length; i++) {
            mp4[i] = (byte) (i * 31 + 7);
        }
        write(SNAPSHOT, jpeg());
        write(VERSION, "layers:\n  - {name: fond, type: shader, file: fond.frag}\n".getBytes(StandardCharsets.UTF_8));
        write(DIFF, "--- a/scenes/biais/scene.yaml\n+++ b/scenes/biais/scene.yaml\n@@ -1,2 +1,2 @@\n layers:\n-  - {name: fond}\n+  - {name: marée}\n"
                .getBytes(StandardCharsets.UTF_8));
        write(RECORDING, mp4);
        write("journal.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8));
        write("snapshots/2027-01-15/notes.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("secret.txt"), "SECRET-OUTSIDE-THE-JOURNAL");
        server.show.journalFolder(journal);
        feed(server.show);
    }

    /** A day of the journal as the runtime writes it, plus one entry of the day before. */
    static final String SD_TURBO_COMMIT = "0123456789abcdef0123456789abcdef01234567";

    static void feed(FakeShow show) {
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-14T22:00:00Z"), "interactions", "",
                Map.of("hour", "2027-01-14T22:00", "count", 3)));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T17:00:00Z"), "version", VERSION,
                Map.of("path", "scenes/biais/scene.yaml")));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T17:00:02Z"), "scene", "",
                Map.of("scene", "biais", "model", "sd-turbo-int8", "prompts", List.of("ink in water", "slow tide"), "seed", 42,
                        "models", List.of(Map.of("source", "hf:stabilityai/sd-turbo@" + SD_TURBO_COMMIT, "repo", "stabilityai/sd-turbo",
                                "commit", SD_TURBO_COMMIT, "licence", "other: sai-nc-community", "bytes", 2_147_483_648L,
                                "files", List.of(Map.of("name", "unet/model.onnx", "size", 2_147_483_648L, "sha256", "ab".repeat(32))))))));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T17:00:03Z"), "interactions", "",
                Map.of("hour", "2027-01-15T17:00", "count", 12)));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T17:50:00Z"), "recording-started", RECORDING,
                Map.of("scene", "biais")));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T17:55:00Z"), "recording", RECORDING,
                Map.of("frames", 9000)));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T18:04:05Z"), "snapshot", SNAPSHOT,
                Map.of("scene", "biais", "width", 64, "height", 36)));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T18:10:00Z"), "scene", "",
                Map.of("scene", "marée", "model", "procedural", "prompts", List.of(), "seed", 7)));
        show.addJournalEntry(new JournalEntry(Instant.parse("2027-01-15T18:15:00Z"), "change", VERSION,
                Map.of("path", "scenes/biais/scene.yaml", "diff", DIFF, "changedLines", 1)));
    }

    /** A small solid JPEG (64x36). */
    static byte[] jpeg() throws IOException {
        var image = new java.awt.image.BufferedImage(64, 36, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(30, 160, 90));
        g.fillRect(0, 0, 64, 36);
        g.dispose();
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private void write(String relative, byte[] bytes) throws IOException {
        Path file = journal.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static void assertError(int status, HttpResponse<String> response, String mentions) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json(response).path("error").asText().contains(mentions), response.body());
    }

    @Test
    void everyNewEndpointNeedsTheToken() {
        for (String path : List.of("/api/journal", "/api/journal?day=2027-01-15", "/api/journal/files/" + SNAPSHOT, "/api/recording")) {
            HttpResponse<String> none = client.get(path);
            assertEquals(401, none.statusCode(), path);
            assertEquals(401, client.get(path, bearer("x".repeat(43))).statusCode(), path);
        }
        for (String path : List.of("/api/recording/start", "/api/recording/stop")) {
            assertEquals(401, client.post(path, null).statusCode(), path);
        }
        assertEquals(List.of(), server.show.calls(), "nothing refused reached the show");
    }

    @Test
    void cookieSessionsNeedTheCsrfHeaderToRecord() {
        HttpResponse<String> login = client.post("/login", "token=" + URLEncoder.encode(server.token, StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = json(login).path("csrf").asText();
        assertEquals(403, client.post("/api/recording/start", null, "Cookie", cookie).statusCode());
        assertEquals(List.of(), server.show.calls());
        assertEquals(200, client.get("/api/journal", "Cookie", cookie).statusCode(), "reading needs no CSRF header");
        assertEquals(200, client.get("/api/journal/files/" + SNAPSHOT, "Cookie", cookie).statusCode());
        assertEquals(200, client.post("/api/recording/start", null, "Cookie", cookie, AuthGate.CSRF_HEADER, csrf).statusCode());
    }

    @Test
    void recordingStartsAndStopsAndSaysWhyNotWithA409() {
        JsonNode idle = json(client.get("/api/recording", auth));
        assertFalse(idle.path("recording").asBoolean());
        assertTrue(idle.path("file").isNull());
        assertTrue(idle.path("since").isNull());
        assertError(409, client.post("/api/recording/stop", null, auth), "not recording");

        HttpResponse<String> started = client.post("/api/recording/start", null, auth);
        assertEquals(200, started.statusCode(), started.body());
        assertEquals("/var/lib/liquide/journal/Reflets/recordings/2027-01-15/180000-biais.mp4", json(started).path("path").asText());
        assertEquals("no-store", started.headers().firstValue("Cache-Control").orElse(""));
        assertError(409, client.post("/api/recording/start", null, auth), "already recording");

        server.clock.advance(Duration.ofSeconds(65));
        JsonNode running = json(client.get("/api/recording", auth));
        assertTrue(running.path("recording").asBoolean(), running.toString());
        assertEquals("recordings/2027-01-15/180000-biais.mp4", running.path("file").asText());
        assertEquals("2027-01-15T18:00:00Z", running.path("since").asText());
        assertEquals(65.0, running.path("seconds").asDouble());

        HttpResponse<String> stopped = client.post("/api/recording/stop", null, auth);
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals(json(started).path("path").asText(), json(stopped).path("path").asText());
        assertFalse(json(client.get("/api/recording", auth)).path("recording").asBoolean(), "seen at once after a stop");
        assertError(409, client.post("/api/recording/stop", null, auth), "not recording");
        assertEquals(List.of("stopRecording()", "startRecording()", "startRecording()", "stopRecording()", "stopRecording()"),
                server.show.calls().stream().filter(c -> c.contains("Recording")).toList());
    }

    @Test
    void todayIsTheShowcasesDayNotTheMachines() {
        // 18:00 UTC on 15 January is 08:00 on 16 January in the showcase's zone: the journal's today.
        server.show.zone(java.time.ZoneId.of("Pacific/Kiritimati"));
        server.show.startRecording();
        JsonNode running = json(client.get("/api/recording", auth));
        assertTrue(running.path("recording").asBoolean(), "a recording started after the showcase's midnight: " + running);
        assertEquals(200, client.get("/api/journal", auth).statusCode());
        assertTrue(server.show.calls().contains("journal(2027-01-16)"), "the journal opens on the showcase's today: "
                + server.show.calls());
    }

    @Test
    void aRecordingStartedElsewhereShowsAndOneFromAnEarlierRunDoesNot() {
        // Started over OSC (not through this server): the journal says so.
        server.show.startRecording();
        assertTrue(json(client.get("/api/recording", auth)).path("recording").asBoolean());
        server.show.stopRecording();
        // A start with no stop from before this server started: a runtime that crashed while recording.
        List<JournalEntry> crashed = List.of(new JournalEntry(Instant.parse("2027-01-15T17:59:00Z"), "recording-started",
                "recordings/2027-01-15/175900-biais.mp4", Map.of("scene", "biais")));
        assertEquals(RecordingRoutes.State.NONE, RecordingRoutes.current(crashed, Instant.parse("2027-01-15T18:00:00Z")));
        assertEquals("recordings/2027-01-15/175900-biais.mp4",
                RecordingRoutes.current(crashed, Instant.parse("2027-01-15T17:00:00Z")).file());
    }

    @Test
    void theJournalOfADayIsItsEntriesOldestFirst() {
        HttpResponse<String> response = client.get("/api/journal?day=2027-01-15", auth);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = json(response);
        assertEquals("2027-01-15", body.path("day").asText());
        JsonNode entries = body.path("entries");
        assertEquals(8, entries.size(), entries.toString());
        assertEquals(List.of("version", "scene", "interactions", "recording-started", "recording", "snapshot", "scene", "change"),
                entries.findValuesAsText("type"));
        JsonNode scene = entries.get(1);
        assertEquals("2027-01-15T17:00:02Z", scene.path("time").asText());
        assertTrue(scene.path("file").isNull(), "no file is null");
        JsonNode fields = scene.path("fields").deepCopy();
        JsonNode model = ((com.fasterxml.jackson.databind.node.ObjectNode) fields).remove("models").get(0);
        assertEquals("{\"model\":\"sd-turbo-int8\",\"prompts\":[\"ink in water\",\"slow tide\"],\"scene\":\"biais\",\"seed\":42}",
                fields.toString());
        assertEquals("stabilityai/sd-turbo", model.path("repo").asText());
        assertEquals(SD_TURBO_COMMIT, model.path("commit").asText());
        assertEquals("other: sai-nc-community", model.path("licence").asText());
        assertEquals(2_147_483_648L, model.path("bytes").asLong());
        assertEquals("ab".repeat(32), model.path("files").get(0).path("sha256").asText());
        assertEquals(SNAPSHOT, entries.get(5).path("file").asText());
        assertEquals(64, entries.get(5).path("fields").path("width").asInt());
        assertEquals(DIFF, entries.get(7).path("fields").path("diff").asText());
        assertEquals(12, entries.get(2).path("fields").path("count").asInt());

        assertEquals(1, json(client.get("/api/journal?day=2027-01-14", auth)).path("entries").size());
        assertEquals(0, json(client.get("/api/journal?day=2026-12-31", auth)).path("entries").size());
        // Without a day: today on the server's clock.
        JsonNode today = json(client.get("/api/journal", auth));
        assertEquals(java.time.LocalDate.now(server.clock.withZone(java.time.ZoneId.systemDefault())).toString(), today.path("day").asText());
    }

    @Test
    void aDayThatIsNotADateIs400() {
        for (String day : List.of("2027-1-15", "2027-02-30", "tomorrow", "%2B2027-01-15", "2027-01-15T00:00", "", "20270115")) {
            assertError(400, client.get("/api/journal?day=" + day, auth), "day");
        }
        assertError(400, client.get("/api/journal?day=2027-01-15&day=2027-01-14", auth), "one day");
        assertTrue(server.show.calls().stream().noneMatch(c -> c.startsWith("journal(")), server.show.calls().toString());
    }

    @Test
    void filesComeWithTheirExactTypesAndAreNotCached() throws IOException {
        Map<String, String> types = Map.of(SNAPSHOT, "image/jpeg", RECORDING, "video/mp4",
                VERSION, "text/plain;charset=utf-8", DIFF, "text/plain;charset=utf-8");
        for (var file : types.entrySet()) {
            HttpResponse<byte[]> r = client.getBytes("/api/journal/files/" + file.getKey(), auth);
            assertEquals(200, r.statusCode(), file.getKey());
            assertEquals(file.getValue(), r.headers().firstValue("Content-Type").orElse(""), file.getKey());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), file.getKey());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertArrayEquals(Files.readAllBytes(journal.resolve(file.getKey())), r.body(), file.getKey());
            assertEquals(Long.toString(r.body().length), r.headers().firstValue("Content-Length").orElse(""));
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("media-src 'self'") && !csp.contains("script-src"),
                    "a file opened on its own plays, and runs nothing: " + csp);
        }
        String diff = client.get("/api/journal/files/" + DIFF, auth).body();
        assertTrue(diff.contains("+  - {name: marée}"), "UTF-8 text: " + diff);
    }

    @Test
    void recordingsAnswerByteRangesAsPhonesAskForVideo() {
        HttpResponse<byte[]> part = client.getBytes("/api/journal/files/" + RECORDING, auth[0], auth[1], "Range", "bytes=1000-1999");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/300000", part.headers().firstValue("Content-Range").orElse(""));
        assertEquals("bytes", part.headers().firstValue("Accept-Ranges").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(mp4, 1000, 2000), part.body());

        HttpResponse<byte[]> open = client.getBytes("/api/journal/files/" + RECORDING, auth[0], auth[1], "Range", "bytes=299990-");
        assertEquals("bytes 299990-299999/300000", open.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(mp4, 299_990, 300_000), open.body());

        HttpResponse<byte[]> suffix = client.getBytes("/api/journal/files/" + RECORDING, auth[0], auth[1], "Range", "bytes=-5");
        assertArrayEquals(Arrays.copyOfRange(mp4, 299_995, 300_000), suffix.body());

        HttpResponse<byte[]> beyond = client.getBytes("/api/journal/files/" + RECORDING, auth[0], auth[1], "Range", "bytes=400000-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */300000", beyond.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> odd = client.getBytes("/api/journal/files/" + RECORDING, auth[0], auth[1], "Range", "bytes=0-1,5-9");
        assertEquals(200, odd.statusCode(), "several ranges: the whole file");
        assertEquals(300_000, odd.body().length);
    }

    @Test
    void onlyFilesShapedAsTheJournalWritesThemAreAskedFor() {
        assertError(404, client.get("/api/journal/files/snapshots/2027-01-15/999999-none.jpg", auth), "no journal file");
        assertTrue(server.show.calls().contains("journalFile(snapshots/2027-01-15/999999-none.jpg)"));
        for (String path : List.of("journal.jsonl", "snapshots/2027-01-15/notes.html", "snapshots/2027-01-15/.hidden.jpg",
                "snapshots/2027-01-15/a%20b.jpg", "snapshots//x.jpg", "snapshots/2027-01-15/", "a/b/c/d/e/f/g.jpg",
                "snapshots/2027-01-15/x.jpg%00.txt", "snapshots%5C..%5Csecret.txt")) {
            HttpResponse<String> r = client.get("/api/journal/files/" + path, auth);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " answered " + r.statusCode());
            assertFalse(r.body().contains("alert") || r.body().contains("{}\n"), path);
        }
        assertEquals(List.of("journalFile(snapshots/2027-01-15/999999-none.jpg)"),
                server.show.calls().stream().filter(c -> c.startsWith("journalFile(")).toList(), "bad shapes never reach the show");
    }

    @Test
    void traversalIsRefused() throws IOException {
        for (String path : List.of("../secret.txt", "snapshots/../../secret.txt", "snapshots/2027-01-15/../../../secret.txt",
                "%2e%2e/secret.txt", "snapshots/%2e%2e/%2e%2e/secret.txt", "..%2fsecret.txt", "..%2Fsecret.txt",
                "%2Fetc%2Fpasswd", "/etc/passwd", "//etc/passwd", "..%5csecret.txt", "%252e%252e/secret.txt",
                "snapshots/2027-01-15/..;/..;/secret.txt")) {
            String answer = raw("GET /api/journal/files/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + server.token + "\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(answer.substring(9, 12));
            assertTrue(status == 400 || status == 404, path + " answered " + answer.lines().findFirst().orElse(""));
            assertFalse(answer.contains("SECRET-OUTSIDE-THE-JOURNAL"), path);
            assertFalse(answer.contains("root:"), path);
        }
        assertEquals(List.of(), server.show.calls().stream().filter(c -> c.startsWith("journalFile(")).toList());
    }

    @Test
    void aLinkInsideTheJournalThatLeadsOutOfItIsNotServed() throws IOException {
        Path day = journal.resolve("snapshots/2027-01-15");
        Files.createSymbolicLink(day.resolve("180000-link.txt"), dir.resolve("secret.txt"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/180001-x.txt"), "SECRET-OUTSIDE-THE-JOURNAL");
        Files.createSymbolicLink(journal.resolve("linked"), dir.resolve("elsewhere"));
        for (String path : List.of("snapshots/2027-01-15/180000-link.txt", "linked/180001-x.txt")) {
            HttpResponse<String> r = client.get("/api/journal/files/" + path, auth);
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.body().contains("SECRET"), path);
        }
        // A link that stays inside the journal is a journal file like any other.
        Files.createSymbolicLink(day.resolve("180002-same.jpg"), journal.resolve(SNAPSHOT));
        assertEquals(200, client.get("/api/journal/files/snapshots/2027-01-15/180002-same.jpg", auth).statusCode());
    }

    /** A request written as is (an HTTP client would normalise the path), answered as text. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
