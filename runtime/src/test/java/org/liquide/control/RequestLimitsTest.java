package org.liquide.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Bodies are bounded and no path reaches a file outside the panel's own. */
class RequestLimitsTest {
    @TempDir
    Path dir;
    private TestServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = new TestServer(dir, false);
        client = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDeclaredOversizedBodyIs413() {
        String big = "{\"name\": \"" + "a".repeat(RequestBodies.MAX_BYTES) + "\"}";
        HttpResponse<String> r = client.post("/api/scene", big, TestClient.bearer(server.token));
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("larger than 16384 bytes"), r.body());
        assertEquals(413, client.post("/login", "token=" + "a".repeat(20_000),
                "Content-Type", "application/x-www-form-urlencoded").statusCode(), "before any token check");
        assertEquals(0, server.show.calls().size(), "no call reached the show");
    }

    @Test
    void aChunkedOversizedBodyIs413() {
        byte[] body = ("{\"name\": \"" + "a".repeat(RequestBodies.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = client.builder("/api/scene")
                .header("Authorization", "Bearer " + server.token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> r = client.send(request);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals(0, server.show.calls().size(), "no call reached the show");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String name = "a".repeat(RequestBodies.MAX_BYTES - 20);
        HttpResponse<String> r = client.post("/api/scene", "{\"name\": \"" + name + "\"}", TestClient.bearer(server.token));
        assertEquals(404, r.statusCode(), "read whole, then an unknown scene");
        assertEquals(1, server.show.calls().size());
    }

    @Test
    void pathTraversalGetsNothing() throws IOException {
        List<String> attempts = List.of(
                "/../../../../etc/passwd",
                "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/..%2f..%2f..%2fetc%2fpasswd",
                "/control/../../../etc/passwd",
                "/app.js/../../../../etc/passwd",
                "/api/preview/..%2f..%2f..%2fetc%2fpasswd.jpg",
                "/api/preview/%2e%2e.jpg",
                "/api/preview/../../pom.xml",
                "/%2e%2e/control-token",
                "/login/%2e%2e/api/status",
                "/control/index.html",
                "/logback.xml",
                "/org/liquide/control/ControlServer.class");
        for (String path : attempts) {
            for (boolean withToken : new boolean[]{true, false}) {
                String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + (withToken ? "Authorization: Bearer " + server.token + "\r\n" : "")
                        + "Connection: close\r\n\r\n");
                int status = Integer.parseInt(response.substring(9, 12));
                assertTrue(status == 400 || status == 404 || (!withToken && status == 401),
                        path + (withToken ? " with" : " without") + " the token answered " + response.lines().findFirst().orElse(""));
                assertFalse(response.contains("root:"), path);
                assertFalse(response.contains(server.token), path);
                assertFalse(response.contains("<configuration>"), path);
            }
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
