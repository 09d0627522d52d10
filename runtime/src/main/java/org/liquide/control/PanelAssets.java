package org.liquide.control;

import io.javalin.Javalin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The panel's static files ({@code src/main/resources/control/}), read into memory once at start and
 * served by exact path: a request can only ever get one of these files, whatever dots or encodings its
 * path holds. {@code /} is the panel, {@code /login} its login page.
 */
final class PanelAssets {
    static final String ROOT = "control";

    record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> byPath;

    private PanelAssets(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    static PanelAssets load() {
        Map<String, Asset> assets = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : readAll().entrySet()) {
            String name = file.getKey();
            Asset asset = new Asset(contentType(name), file.getValue());
            assets.put("/" + name, asset);
            if (name.equals("index.html")) {
                assets.put("/", asset);
            } else if (name.equals("login.html")) {
                assets.put(AuthGate.LOGIN_PATH, asset);
            }
        }
        if (!assets.containsKey("/") || !assets.containsKey(AuthGate.LOGIN_PATH)) {
            throw new IllegalStateException("the control panel's files are missing from the classpath (" + ROOT + "/)");
        }
        return new PanelAssets(Map.copyOf(assets));
    }

    void register(Javalin app) {
        byPath.forEach((path, asset) -> app.get(path, ctx -> {
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType(asset.contentType()).result(asset.bytes());
        }));
    }

    Map<String, Asset> all() {
        return byPath;
    }

    private static Map<String, byte[]> readAll() {
        URL marker = PanelAssets.class.getClassLoader().getResource(ROOT + "/index.html");
        if (marker == null) {
            throw new IllegalStateException("the control panel's files are missing from the classpath (" + ROOT + "/)");
        }
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    return walk(fs.getPath("/" + ROOT));
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return walk(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the control panel's files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> walk(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(p)) {
                    files.put(name, in.readAllBytes());
                }
            }
        }
        return files;
    }

    static String contentType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".js") || n.endsWith(".mjs")) return "text/javascript; charset=utf-8";
        if (n.endsWith(".css")) return "text/css; charset=utf-8";
        if (n.endsWith(".svg")) return "image/svg+xml";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".json")) return "application/json; charset=utf-8";
        if (n.endsWith(".woff2")) return "font/woff2";
        return "application/octet-stream";
    }
}
