package org.liquide.render.readback;

import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.show.PreviewFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Encodes the frames tapped from each output as JPEG on its own thread, keeping only the latest per
 * output: the control panel's live preview.
 */
public final class JpegPreviews implements PreviewFrames, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JpegPreviews.class);

    private record Output(FrameSlot slot, AtomicReference<byte[]> jpeg, java.util.concurrent.atomic.AtomicLong version) {
    }

    private final Map<String, Output> outputs = new ConcurrentHashMap<>();
    private final float quality;
    private final Thread thread;
    private volatile boolean running = true;

    public JpegPreviews(float quality) {
        this.quality = quality;
        this.thread = Thread.ofPlatform().name("liquide-preview").daemon().unstarted(this::loop);
    }

    /** Encodes what arrives in this slot (a {@link FrameTap}'s) as the preview of the named output. */
    public void addOutput(String name, FrameSlot slot) {
        outputs.put(name, new Output(slot, new AtomicReference<>(), new java.util.concurrent.atomic.AtomicLong()));
    }

    public JpegPreviews start() {
        thread.start();
        return this;
    }

    private void loop() {
        BufferedImage reuse = null;
        while (running) {
            boolean worked = false;
            for (Output output : outputs.values()) {
                VideoFrame frame = output.slot().takeLatest();
                if (frame == null) {
                    continue;
                }
                worked = true;
                reuse = FrameImages.toImage(frame, reuse);
                try {
                    output.jpeg().set(JpegEncoding.encode(reuse, quality));
                    output.version().incrementAndGet();
                } catch (IOException e) {
                    LOG.warn("preview encoding failed: {}", e.getMessage());
                }
            }
            if (!worked) {
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    @Override
    public Optional<byte[]> latestJpeg(String output) {
        Output o = outputs.get(output);
        return o == null ? Optional.empty() : Optional.ofNullable(o.jpeg().get());
    }

    @Override
    public long version(String output) {
        Output o = outputs.get(output);
        return o == null ? 0 : o.version().get();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
