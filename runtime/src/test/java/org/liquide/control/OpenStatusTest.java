package org.liquide.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code openStatus} opens the status and the previews to anyone, and nothing else. */
class OpenStatusTest {
    @TempDir
    Path dir;
    private TestServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = new TestServer(dir, true);
        client = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void statusAndPreviewsAreReadableWithoutTheToken() {
        assertEquals(200, client.get("/api/status").statusCode());
        assertEquals(200, client.getBytes("/api/preview/main.jpg").statusCode());
        assertEquals(200, client.send("HEAD", "/api/status", null).statusCode());
    }

    @Test
    void everythingElseStillNeedsIt() {
        for (String path : List.of("/api/scenes", "/api/log", "/api/session", "/", "/app.js", "/api/status/x")) {
            assertEquals(401, client.get(path).statusCode(), path);
        }
        for (String path : List.of("/api/next", "/api/sleep", "/api/scene", "/api/status", "/api/snapshot",
                "/api/signals/presence", "/api/generators/all/restart")) {
            assertEquals(401, client.post(path, "{}").statusCode(), path);
        }
        assertEquals(401, client.put("/api/displays/main/corners/0", "{\"x\":0,\"y\":0}").statusCode());
        assertEquals(List.of(), server.show.calls());
    }

    @Test
    void aWrongTokenOnAnOpenPathIsStillAFailure() {
        assertEquals(401, client.get("/api/status", TestClient.bearer("wrong")).statusCode());
    }
}
