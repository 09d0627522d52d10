package org.liquide.camera;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.hardware.testing.Await;
import org.liquide.testing.TestVideos;
import org.lwjgl.system.MemoryUtil;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CameraFeedTest {
    @TempDir
    Path dir;

    @Test
    void aVideoFileIsDeliveredAtItsRateWithCaptureTimesAndLoops() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("halves.mp4"), 64, 48, 10, 30);
        try (CameraFeed feed = CameraFeed.of("file", new CameraSpec.VideoFile(video))) {
            FrameSlot slot = feed.subscribe();
            feed.start();
            Await.until(Await.GENEROUS, () -> "more frames than the file holds, got " + feed.framesCaptured(),
                    () -> feed.framesCaptured() > 25);
            assertEquals(CameraStatus.LIVE, feed.status());
            assertEquals(0, feed.timesLost(), "looping a file is not a loss");
            VideoFrame frame = slot.takeLatest();
            assertNotNull(frame);
            assertEquals(64, frame.width());
            assertEquals(48, frame.height());
            assertEquals(PixelFormat.I420, frame.format(), "the decoder's planes, unconverted");
            assertTrue(frame.captureNanos() > 0 && frame.captureNanos() <= System.nanoTime());
            // Left half red: a high Cr (third plane); right half blue: a high Cb (second plane). Chroma rows are halved.
            int cb = frame.planeOffset(1) + frame.planeStride(1) * 12;
            int cr = frame.planeOffset(2) + frame.planeStride(2) * 12;
            assertTrue((frame.pixels().get(cr + 5) & 0xFF) > 200, "red on the left");
            assertTrue((frame.pixels().get(cb + 25) & 0xFF) > 200, "blue on the right");
            long sequence = frame.sequence();
            Await.until(Await.GENEROUS, "a newer frame", () -> {
                VideoFrame next = slot.takeLatest();
                return next != null && next.sequence() > sequence;
            });
        }
    }

    @Test
    void aFileDeliveredAtThirtyFramesPerSecondIsPacedNotRushed() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("paced.mp4"), 32, 32, 90, 30);
        try (CameraFeed feed = CameraFeed.of("paced", new CameraSpec.VideoFile(video))) {
            feed.subscribe();
            feed.start();
            Await.until(Await.GENEROUS, "first frame", () -> feed.framesCaptured() > 0);
            long start = System.nanoTime();
            long startFrames = feed.framesCaptured();
            Await.until(Await.GENEROUS, "30 more frames", () -> feed.framesCaptured() >= startFrames + 30);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds > 0.8, "30 frames at 30 fps took " + seconds + " s: not paced");
        }
    }

    @Test
    void aMissingFileIsLostThenPicksUpByItselfOnceTheFileAppears() throws Exception {
        Path video = dir.resolve("later.mp4");
        try (CameraFeed feed = CameraFeed.of("later", new CameraSpec.VideoFile(video))) {
            FrameSlot slot = feed.subscribe();
            feed.start();
            Await.until(Await.GENEROUS, "status LOST", () -> feed.status() == CameraStatus.LOST);
            assertTrue(feed.lastError().contains("later.mp4"), feed.lastError());
            Path written = TestVideos.redBlueHalves(dir.resolve("tmp.mp4"), 32, 32, 10, 30);
            Files.move(written, video);
            Await.until(Await.GENEROUS, "status LIVE after the file appeared", () -> feed.status() == CameraStatus.LIVE);
            Await.until(Await.GENEROUS, "a frame", () -> slot.takeLatest() != null);
            assertEquals(1, feed.timesLost());
        }
    }

    @Test
    void aConsumerThatLeavesStopsReceivingAndOthersCarryOn() throws Exception {
        try (CameraFeed feed = CameraFeed.of("shared", new CameraSpec.TestPattern(64, 36, 60))) {
            FrameSlot staying = feed.subscribe();
            FrameSlot leaving = feed.subscribe();
            feed.start();
            Await.until(Await.GENEROUS, "frames for both", () -> leaving.publishedCount() > 2 && staying.publishedCount() > 2);
            feed.unsubscribe(leaving);
            assertEquals(1, feed.subscriberCount());
            long before = staying.publishedCount();
            Await.until(Await.GENEROUS, "the remaining consumer still fed", () -> staying.publishedCount() > before + 5);
        }
    }

    @Test
    void everyConsumerReadsTheImageTheCameraWroteOnceNotACopyOfIt() throws Exception {
        try (CameraFeed feed = CameraFeed.of("once", new CameraSpec.TestPattern(64, 36, 60))) {
            FrameSlot renderer = feed.subscribe();
            FrameSlot generator = feed.subscribe();
            feed.start();
            VideoFrame[] seen = new VideoFrame[2];
            Await.until(Await.GENEROUS, "both consumers holding the same capture", () -> {
                VideoFrame a = renderer.takeLatest();
                VideoFrame b = generator.takeLatest();
                seen[0] = a != null ? a : seen[0];
                seen[1] = b != null ? b : seen[1];
                return seen[0] != null && seen[1] != null && seen[0].sequence() == seen[1].sequence();
            });
            assertEquals(MemoryUtil.memAddress(seen[0].pixels()), MemoryUtil.memAddress(seen[1].pixels()),
                    "one image in memory for both consumers");
        }
    }

    @Test
    void probingACameraThatCannotOpenNamesItAndSaysWhy() {
        CameraOpenException e = assertThrows(CameraOpenException.class,
                () -> CameraFeed.probe(new CameraSpec.VideoFile(dir.resolve("missing.mp4"))));
        assertTrue(e.getMessage().contains("missing.mp4"), e.getMessage());
    }

    @Test
    void theTestPatternDrawsItsFrameNumberAndMoves() throws Exception {
        try (CameraFeed feed = CameraFeed.of("pattern", new CameraSpec.TestPattern(160, 90, 30))) {
            FrameSlot slot = feed.subscribe();
            feed.start();
            Await.until(Await.GENEROUS, "two frames", () -> feed.framesCaptured() >= 2);
            VideoFrame first = new VideoFrame();
            Await.until(Await.GENEROUS, "a frame", () -> {
                VideoFrame f = slot.takeLatest();
                if (f != null) {
                    first.copyFrom(f);
                }
                return f != null;
            });
            long firstSequence = first.sequence();
            VideoFrame[] later = new VideoFrame[1];
            Await.until(Await.GENEROUS, "a later frame", () -> {
                VideoFrame f = slot.takeLatest();
                if (f != null && f.sequence() > firstSequence + 3) {
                    later[0] = f;
                    return true;
                }
                return false;
            });
            int differing = 0;
            for (int i = 0; i < 160 * 90 * 3; i++) {
                if (first.pixels().get(i) != later[0].pixels().get(i)) {
                    differing++;
                }
            }
            assertTrue(differing > 500, "the pattern should animate; " + differing + " bytes changed");
            first.free();
        }
    }

    /** Serves one file over HTTP on loopback, like a network camera's stream endpoint. */
    private static com.sun.net.httpserver.HttpServer serve(Path file, int port) throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/stream.mp4", exchange -> {
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void aRecordedVideoOnAServerPlaysAtItsRateAndLoops() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("vod.mp4"), 64, 48, 30, 30);
        com.sun.net.httpserver.HttpServer server = serve(video, 0);
        try (CameraFeed feed = CameraFeed.of("vod", CameraSpec.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/stream.mp4"))) {
            feed.subscribe();
            feed.start();
            Await.until(Await.GENEROUS, "live from the server", () -> feed.status() == CameraStatus.LIVE);
            long first = feed.framesCaptured();
            long start = System.nanoTime();
            // The video lasts one second (30 frames): 45 frames more means it looped. A loaded machine may
            // deliver fewer than 30 a second; paced, it never delivers many more (unpaced it would be hundreds).
            Await.until(Await.GENEROUS, "a loop and a half of the video", () -> feed.framesCaptured() - first >= 45);
            double rate = (feed.framesCaptured() - first) / ((System.nanoTime() - start) / 1e9);
            assertTrue(rate < 40, "paced at the video's rate, got " + rate + " frames/s");
            assertEquals(0, feed.timesLost(), "looping is not losing the camera: " + feed.lastError());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aNetworkStreamThatDropsIsLostAndReconnectsWhenItIsBack() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("net.mp4"), 64, 48, 300, 30);
        com.sun.net.httpserver.HttpServer server = serve(video, 0);
        int port = server.getAddress().getPort();
        CameraSpec spec = CameraSpec.parse("http://127.0.0.1:" + port + "/stream.mp4");
        assertInstanceOf(CameraSpec.Stream.class, spec);
        try (CameraFeed feed = CameraFeed.of("net", spec)) {
            FrameSlot slot = feed.subscribe();
            feed.start();
            Await.until(Await.GENEROUS, "live from the stream", () -> feed.status() == CameraStatus.LIVE);
            Await.until(Await.GENEROUS, "a frame", () -> slot.takeLatest() != null);

            server.stop(0);
            Await.until(Await.GENEROUS, "lost after the server went away", () -> feed.status() == CameraStatus.LOST);

            server = serve(video, port);
            Await.until(Await.GENEROUS, "live again", () -> feed.status() == CameraStatus.LIVE);
            Await.until(Await.GENEROUS, "frames again", () -> slot.takeLatest() != null);
        } finally {
            server.stop(0);
        }
    }
}
