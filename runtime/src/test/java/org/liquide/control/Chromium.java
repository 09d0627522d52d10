package org.liquide.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.liquide.hardware.testing.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.NoSuchFileException;
import java.nio.file.FileVisitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol, with nothing but the JDK's HttpClient and
 * WebSocket (and Jackson): no WebDriver, no Node. Debian's {@code chromium} package is the browser;
 * {@code LIQUIDE_CHROMIUM} may name another binary. One page; JavaScript errors and console errors on
 * it are collected for the tests to check.
 */
final class Chromium implements AutoCloseable {
    static final String DEFAULT_BINARY = "/usr/bin/chromium";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts the browser; fails the test, naming the package to install, when there is none. */
    static Chromium launch() throws IOException {
        String binary = System.getenv().getOrDefault("LIQUIDE_CHROMIUM", DEFAULT_BINARY);
        if (!Files.isExecutable(Path.of(binary))) {
            throw new AssertionError("the panel's browser test needs Chromium at " + binary
                    + ": install the Debian package 'chromium' (apt-get install -y chromium; scripts/install-system-packages test"
                    + " should do it), or set LIQUIDE_CHROMIUM to a Chromium or Chrome binary");
        }
        Path profile = Files.createTempDirectory("liquide-chromium-");
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(binary,
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--no-default-browser-check", "--mute-audio",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1280,900", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            Await.until(START_TIMEOUT, () -> "Chromium's DevTools port (log: " + tail(log) + ")",
                    () -> !process.isAlive() || portReady(portFile));
            if (!process.isAlive()) {
                throw new AssertionError("Chromium exited with " + process.exitValue() + " at start: " + tail(log));
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().strip());
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String pageSocket = null;
            for (JsonNode target : JSON.readTree(list)) {
                if (target.path("type").asText().equals("page")) {
                    pageSocket = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageSocket == null) {
                throw new AssertionError("Chromium opened no page: " + list);
            }
            Chromium[] self = new Chromium[1];
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(pageSocket), new Listener(message -> {
                        if (self[0] != null) {
                            self[0].receive(message);
                        }
                    }))
                    .get(10, TimeUnit.SECONDS);
            self[0] = new Chromium(process, profile, socket);
            self[0].call("Runtime.enable", null);
            self[0].call("Page.enable", null);
            self[0].call("Log.enable", null);
            return self[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException | Error e) {
            process.destroyForcibly();
            throw e instanceof AssertionError a ? a : new AssertionError("starting Chromium failed: " + e, e);
        }
    }

    private static boolean portReady(Path portFile) {
        try {
            return Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    /** Calls a DevTools method and returns its result; a protocol error fails the test. */
    JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) {
                socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            }
            JsonNode response = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new AssertionError(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new AssertionError(method + " got no answer: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        switch (method) {
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                pageErrors.add("exception: " + details.path("exception").path("description").asText(details.path("text").asText()));
            }
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) {
                    pageErrors.add("console.error: " + params.path("args").toString());
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                // Network entries are HTTP answers such as an expected 401; the rest (CSP, script) count.
                if (entry.path("level").asText().equals("error") && !entry.path("source").asText().equals("network")) {
                    pageErrors.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
                }
            }
            default -> {
            }
        }
    }

    /** JavaScript exceptions and console or browser errors (CSP violations included) seen on the page so far. */
    List<String> pageErrors() {
        return new ArrayList<>(pageErrors);
    }

    void clearPageErrors() {
        pageErrors.clear();
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        // Chromium's helpers (renderer, network service, zygote) outlive its main process for a moment and
        // still write into the profile: each is stopped and waited for before the profile is removed.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
        deleteProfile();
    }

    /** Removes the profile folder; a file that vanishes meanwhile (a helper's last temporary file) is not an error. */
    private void deleteProfile() {
        try {
            Files.walkFileTree(profile, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                    Files.deleteIfExists(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Joins WebSocket message parts into whole messages. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> onMessage;
        private final StringBuilder parts = new StringBuilder();

        Listener(java.util.function.Consumer<String> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String message = parts.toString();
                parts.setLength(0);
                onMessage.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }
}
