package org.liquide.soak;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A network camera for the endurance run: one video file served over HTTP on loopback, with byte ranges
 * (the camera seeks back to loop), that the run can cut and bring back on the same port, as a camera whose
 * cable or switch fails.
 */
final class CameraStreamServer implements AutoCloseable {
    private final byte[] video;
    private final int port;
    private HttpServer server;

    CameraStreamServer(Path file) throws IOException {
        this.video = Files.readAllBytes(file);
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/salle.mp4";
    }

    synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/salle.mp4", exchange -> {
            long from = 0;
            long to = video.length - 1L;
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range != null && range.startsWith("bytes=")) {
                String[] bounds = range.substring(6).split("-", 2);
                from = Math.min(Long.parseLong(bounds[0].trim()), video.length);
                if (bounds.length > 1 && !bounds[1].isBlank()) {
                    to = Math.min(Long.parseLong(bounds[1].trim()), video.length - 1L);
                }
            }
            long length = Math.max(0, to - from + 1);
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            if (range != null) {
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + video.length);
            }
            exchange.sendResponseHeaders(range != null ? 206 : 200, length == 0 ? -1 : length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(video, (int) from, (int) length);
            } catch (IOException cut) {
                // The camera went away mid-answer (or the run cut the server): nothing to do.
            }
        });
        server.start();
    }

    /** Cuts the camera off: connections are closed and refused until {@link #start()}. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
