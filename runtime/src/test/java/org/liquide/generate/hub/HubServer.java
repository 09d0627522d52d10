package org.liquide.generate.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Hugging Face Hub on loopback, speaking the part of its HTTP API that downloads use: the revision listing
 * ({@code ?blobs=true}), {@code resolve/} answering small files itself with their git blob id as ETag and
 * redirecting large ones to a second path (as the Hub redirects to its CDN) with {@code X-Linked-Etag} and
 * {@code X-Linked-Size}, ranges on the content. Faults on demand: a connection cut in the middle of a file, a file
 * served with a wrong byte, a gated repository that answers 401 without the right token.
 */
public final class HubServer implements AutoCloseable {
    /** Files over this size are served as LFS files (sha256, redirect), as the Hub does for weights. */
    public static final int LFS_THRESHOLD = 1024;

    /** One request the server answered. */
    public record Request(String method, String path, String query, Optional<String> range, Optional<String> authorization) {
    }

    private record Repo(String commit, Map<String, byte[]> files, Optional<String> token) {
    }

    private final HttpServer server;
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> cdn = new ConcurrentHashMap<>();
    private final Map<String, Integer> cuts = new ConcurrentHashMap<>();
    private final Map<String, Integer> stalls = new ConcurrentHashMap<>();
    /** Released when the server closes: a stalled answer waits on it. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    public HubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // One thread per exchange: a stalled answer must not hold the others.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves every file under {@code folder} as {@code repo} at {@code commit}; a token makes it gated. */
    public void serve(String repo, String commit, Path folder, Optional<String> token) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        repos.put(repo, new Repo(commit, files, token));
        files.forEach((name, content) -> {
            if (content.length > LFS_THRESHOLD) {
                cdn.put(sha256(content), content);
            }
        });
    }

    /** The next download of this file's content stops after {@code bytes} bytes and the connection closes. */
    public void cutOnce(String file, int bytes) {
        cuts.put(file, bytes);
    }

    /**
     * The next download of this file's content sends {@code bytes} bytes and then nothing, the connection
     * left open, until the server closes.
     */
    public void stallOnce(String file, int bytes) {
        stalls.put(file, bytes);
    }

    /** This file's content is served with its last byte changed. */
    public void corrupt(String file) {
        corrupted.add(file);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), path, uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range")),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
            String[] parts = path.substring(1).split("/", 5);
            if (parts.length == 5 && parts[0].equals("api") && parts[1].equals("models")) {
                // /api/models/{org}/{name}/revision/{rev}: split gives [api, models, org, name, revision/rev]
                listing(exchange, parts[2] + "/" + parts[3]);
            } else if (parts.length == 5 && parts[2].equals("resolve")) {
                // /{org}/{name}/resolve/{commit}/{path in repo}
                String file = java.net.URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
                resolve(exchange, parts[0] + "/" + parts[1], file);
            } else if (parts.length == 2 && parts[0].equals("cdn")) {
                content(exchange, parts[1]);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void listing(HttpExchange exchange, String name) throws IOException {
        Repo repo = repos.get(name);
        if (repo == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        boolean blobs = String.valueOf(exchange.getRequestURI().getQuery()).contains("blobs=true");
        ObjectNode root = json.createObjectNode().put("id", name).put("sha", repo.commit());
        ArrayNode siblings = root.putArray("siblings");
        repo.files().forEach((file, content) -> {
            ObjectNode sibling = siblings.addObject().put("rfilename", file);
            if (blobs) {
                sibling.put("size", content.length).put("blobId", gitBlobId(content));
                if (content.length > LFS_THRESHOLD) {
                    sibling.putObject("lfs").put("sha256", sha256(content)).put("size", content.length).put("pointerSize", 134);
                }
            }
        });
        byte[] body = json.writeValueAsBytes(root);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void resolve(HttpExchange exchange, String name, String file) throws IOException {
        Repo repo = repos.get(name);
        byte[] content = repo == null ? null : repo.files().get(file);
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (repo.token().isPresent() && !("Bearer " + repo.token().get()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("X-Repo-Commit", repo.commit());
        if (content.length > LFS_THRESHOLD) {
            String sha = sha256(content);
            headers.set("ETag", "\"" + gitBlobId(content) + "\"");
            headers.set("X-Linked-Etag", "\"" + sha + "\"");
            headers.set("X-Linked-Size", String.valueOf(content.length));
            headers.set("Location", endpoint() + "/cdn/" + sha + "?file=" + java.net.URLEncoder.encode(file, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        headers.set("ETag", "\"" + gitBlobId(content) + "\"");
        send(exchange, file, content);
    }

    private void content(HttpExchange exchange, String sha) throws IOException {
        byte[] content = cdn.get(sha);
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        String file = query.startsWith("file=") ? java.net.URLDecoder.decode(query.substring(5), StandardCharsets.UTF_8) : sha;
        send(exchange, file, content);
    }

    /** Sends a content, or from the asked byte on with 206; applies the faults asked for this file. */
    private void send(HttpExchange exchange, String file, byte[] original) throws IOException {
        byte[] content = original;
        if (corrupted.contains(file)) {
            content = original.clone();
            content[content.length - 1] ^= 0x5A;
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(content.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - from);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        OutputStream out = exchange.getResponseBody();
        Integer stall = stalls.remove(file);
        if (stall != null) {
            out.write(content, from, stall);
            out.flush();
            try {
                closing.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        Integer cut = cuts.remove(file);
        if (cut != null) {
            out.write(content, from, cut);
            out.flush();
            // closing the exchange now, short of the announced length, drops the connection mid-file
            return;
        }
        out.write(content, from, content.length - from);
    }

    static String sha256(byte[] content) {
        return digest("SHA-256", new byte[0], content);
    }

    static String gitBlobId(byte[] content) {
        return digest("SHA-1", ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII), content);
    }

    private static String digest(String algorithm, byte[] prefix, byte[] content) {
        try {
            var digest = java.security.MessageDigest.getInstance(algorithm);
            digest.update(prefix);
            return HexFormat.of().formatHex(digest.digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
