package org.liquide.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.midi.MidiLearn;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.control.TestClient.bearer;

/** MIDI learn over the API: armed for a target, the next control moved is bound and reported with its mapping line. */
class MidiLearnApiTest {
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
        auth = bearer(server.token);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void learnIsArmedForATargetAndReportsTheControlBoundToIt() throws Exception {
        List<MidiLearn.Binding> learnt = new CopyOnWriteArrayList<>();
        MidiLearn learn = new MidiLearn(learnt::add, Clock.systemUTC());
        server.show.midiLearn = learn;

        assertEquals(401, client.post("/api/midi/learn", "{\"target\": \"layer.fond.opacity\"}").statusCode(), "the token is needed");
        assertEquals("idle", json(client.get("/api/midi/learn", auth)).get("state").asText());

        JsonNode armed = json(client.post("/api/midi/learn", "{\"target\": \"layer.fond.opacity\"}", auth));
        assertEquals("armed", armed.get("state").asText());
        assertEquals("layer.fond.opacity", armed.get("target").asText());

        learn.moved("midi/nano/cc/16");
        JsonNode learned = json(client.get("/api/midi/learn", auth));
        assertEquals("learned", learned.get("state").asText());
        assertEquals("midi/nano/cc/16", learned.get("signal").asText());
        assertEquals("layer.fond.opacity", learned.get("target").asText());
        assertEquals("- {signal: midi/nano/cc/16, target: layer.fond.opacity}", learned.get("mapping").asText());
        assertEquals(1, learned.get("bindings").size());
        assertEquals(1, learnt.size(), "the show was told");

        json(client.post("/api/midi/learn", "{\"target\": \"dmx.house\"}", auth));
        assertEquals("idle", json(client.send("DELETE", "/api/midi/learn", null, auth)).get("state").asText());
        learn.moved("midi/nano/cc/17");
        assertEquals(1, learnt.size(), "disarmed: nothing bound");
    }

    @Test
    void aBadTargetIsRefusedAndAShowWithoutMidiSaysSo() throws Exception {
        HttpResponse<String> noMidi = client.post("/api/midi/learn", "{\"target\": \"layer.fond.opacity\"}", auth);
        assertEquals(409, noMidi.statusCode());
        assertTrue(noMidi.body().contains("no MIDI controllers"), noMidi.body());
        server.show.midiLearn = new MidiLearn(binding -> { }, Clock.systemUTC());
        assertEquals(400, client.post("/api/midi/learn", "{\"target\": \"rm -rf /\"}", auth).statusCode());
        assertEquals(400, client.post("/api/midi/learn", "{\"target\": 3}", auth).statusCode());
        assertEquals(400, client.post("/api/midi/learn", "{}", auth).statusCode());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
