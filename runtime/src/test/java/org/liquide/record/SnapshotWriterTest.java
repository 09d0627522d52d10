package org.liquide.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.hardware.testing.Await;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A snapshot asked for is of a frame composited after the request, never the older one waiting in the slot. */
class SnapshotWriterTest {
    @TempDir
    Path dir;

    private static void publish(FrameSlot slot, int r, int g, int b, long captureNanos) {
        VideoFrame frame = slot.writable();
        ByteBuffer pixels = frame.reshape(8, 8, 32, PixelFormat.RGBA32);
        for (int i = 0; i < 64; i++) {
            pixels.put(i * 4, (byte) r).put(i * 4 + 1, (byte) g).put(i * 4 + 2, (byte) b).put(i * 4 + 3, (byte) 255);
        }
        frame.setCaptureNanos(captureNanos);
        slot.publish();
    }

    @Test
    void aRequestedSnapshotWaitsForAFrameTakenAfterIt() throws Exception {
        Journal journal = new Journal(dir, ZoneId.of("Europe/Paris"));
        FrameSlot slot = new FrameSlot();
        publish(slot, 255, 0, 0, System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
        AtomicInteger hurried = new AtomicInteger();
        // The render thread, asked to hurry, taps its next frame: blue.
        Runnable hurry = () -> {
            if (hurried.getAndIncrement() == 0) {
                publish(slot, 0, 0, 255, System.nanoTime());
            }
        };
        try (SnapshotWriter writer = new SnapshotWriter(journal, slot, 0, () -> "essai", hurry).start()) {
            Path file = writer.request().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            BufferedImage image = ImageIO.read(file.toFile());
            int rgb = image.getRGB(4, 4);
            assertTrue((rgb & 0xFF) > 200 && (rgb >> 16 & 0xFF) < 50, "the snapshot is the frame after the request: " + Integer.toHexString(rgb));
            assertTrue(hurried.get() >= 1, "the render thread was asked for a frame");
        }
    }
}
