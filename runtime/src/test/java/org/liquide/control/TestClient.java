package org.liquide.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** HTTP for the tests: requests built fluently, headers given as name/value pairs, bodies read as text. */
final class TestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    TestClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return HTTP.send(request("GET", path, null, headers), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send("POST", path, json, withJson(json, headers));
    }

    HttpResponse<String> put(String path, String json, String... headers) {
        return send("PUT", path, json, withJson(json, headers));
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        try {
            return HTTP.send(request(method, path, body, headers), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    }

    private HttpRequest request(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = builder(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private static String[] withJson(String body, String... headers) {
        if (body == null) {
            return headers;
        }
        List<String> all = new ArrayList<>(List.of(headers));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed) {
            all.add("Content-Type");
            all.add("application/json");
        }
        return all.toArray(String[]::new);
    }

    static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }
}
