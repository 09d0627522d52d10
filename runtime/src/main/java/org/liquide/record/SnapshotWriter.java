package org.liquide.record;

import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.render.readback.FrameImages;
import org.liquide.render.readback.JpegEncoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Writes the journal's snapshots from tapped frames (the picture without visitors unless the
 * configuration allows camera images on disk): one every {@code every} seconds, and on request. Each
 * asks the render thread for a frame (nothing is tapped otherwise) and takes the first composited after
 * the request. Encoding and disk writes happen on this thread, never the render thread's.
 */
public final class SnapshotWriter implements AutoCloseable {
    private final Journal journal;
    private final FrameSlot frames;
    private final long everyNanos;
    private final Supplier<String> scene;
    private final ConcurrentLinkedQueue<CompletableFuture<Path>> requests = new ConcurrentLinkedQueue<>();
    private final Runnable hurry;
    /** A requested snapshot is of a frame composited after this instant (System.nanoTime), not an older one. */
    private volatile long requestedAfterNanos = Long.MIN_VALUE;
    private final Thread thread;
    private volatile boolean running = true;
    private BufferedImage reuse;

    /**
     * @param every seconds between periodic snapshots (0: only on request)
     * @param hurry asks the render thread to tap its next frame now (a requested snapshot should not wait)
     */
    public SnapshotWriter(Journal journal, FrameSlot frames, double every, Supplier<String> scene, Runnable hurry) {
        this.journal = journal;
        this.hurry = hurry;
        this.frames = frames;
        this.everyNanos = (long) (every * 1e9);
        this.scene = scene;
        this.thread = Thread.ofPlatform().name("liquide-journal-snapshots").daemon().unstarted(this::loop);
    }

    public SnapshotWriter start() {
        thread.start();
        return this;
    }

    /** A frame composited after this call, as a snapshot; completes with its file. */
    public CompletableFuture<Path> request() {
        CompletableFuture<Path> future = new CompletableFuture<>();
        if (requests.isEmpty()) {
            requestedAfterNanos = System.nanoTime();
        }
        requests.add(future);
        hurry.run();
        LockSupport.unpark(thread);
        return future;
    }

    private void loop() {
        long next = everyNanos > 0 ? System.nanoTime() + everyNanos : Long.MAX_VALUE;
        while (running) {
            if (System.nanoTime() >= next) {
                request(); // a periodic snapshot is one more request, answered like the others
                next = Math.max(next + everyNanos, System.nanoTime());
            }
            if (!requests.isEmpty()) {
                VideoFrame frame = frames.takeLatest();
                if (frame != null && frame.captureNanos() >= requestedAfterNanos) {
                    writeAndAnswer(frame);
                } else if (frame != null) {
                    hurry.run(); // an older frame: ask the render thread for a newer one
                }
            }
            LockSupport.parkNanos(requests.isEmpty() ? 50_000_000L : 5_000_000L);
        }
    }

    private void writeAndAnswer(VideoFrame frame) {
        try {
            Path file = write(frame);
            CompletableFuture<Path> request;
            while ((request = requests.poll()) != null) {
                request.complete(file);
            }
        } catch (IOException | RuntimeException e) {
            journal.failed("a snapshot", e);
            CompletableFuture<Path> request;
            while ((request = requests.poll()) != null) {
                request.completeExceptionally(e);
            }
        }
    }

    private Path write(VideoFrame frame) throws IOException {
        reuse = FrameImages.toImage(frame, reuse);
        Instant now = Instant.now();
        String name = scene.get();
        Path file = journal.pathFor("snapshots", now, name.isEmpty() ? "show" : name, "jpg");
        try (JpegEncoder encoder = new JpegEncoder(0.9f)) {
            Files.write(file, encoder.encode(reuse));
        }
        journal.append(new JournalEntry(now, "snapshot", journal.relative(file), Map.of("scene", name,
                "width", reuse.getWidth(), "height", reuse.getHeight())));
        return file;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
