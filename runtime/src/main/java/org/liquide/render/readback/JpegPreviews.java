package org.liquide.render.readback;

import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.handoff.LoopThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Encodes the frames tapped from each output as JPEG on its own thread, keeping only the latest per
 * output: the control panel's live preview. Only while someone looks: when no preview has been asked
 * for in the last few seconds, nothing is tapped or encoded.
 */
public final class JpegPreviews implements PreviewFrames, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JpegPreviews.class);

    private record Output(FrameSlot slot, AtomicReference<byte[]> jpeg, AtomicLong version) {
    }

    /** How long after the last request previews keep being made (the panel asks several times a second). */
    private static final long WATCHED_NANOS = 5_000_000_000L;

    private final Map<String, Output> outputs = new ConcurrentHashMap<>();
    /** Other names an output's preview is served under (a display's name for the picture it shows). */
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private volatile long lastAskedNanos = System.nanoTime() - 2 * WATCHED_NANOS;
    private final float quality;
    private final LoopThread thread;

    public JpegPreviews(float quality) {
        this.quality = quality;
        this.thread = new LoopThread("liquide-preview", this::loop);
    }

    /** Encodes what arrives in this slot (a {@link FrameTap}'s) as the preview of the named output. */
    public void addOutput(String name, FrameSlot slot) {
        outputs.put(name, new Output(slot, new AtomicReference<>(), new AtomicLong()));
    }

    /**
     * Serves {@code output}'s preview under another name too: each display of a showcase is previewed
     * with the composited picture it shows a part of (its warp is drawn over it by the panel).
     */
    public void addAlias(String alias, String output) {
        if (!outputs.containsKey(output)) {
            throw new IllegalArgumentException("no preview output named " + output);
        }
        aliases.putIfAbsent(alias, output);
    }

    private Output named(String name) {
        Output o = outputs.get(name);
        return o != null ? o : outputs.get(aliases.getOrDefault(name, ""));
    }

    public JpegPreviews start() {
        thread.start();
        return this;
    }

    /** Whether someone asked for a preview lately; frame taps skip their work otherwise. Any thread. */
    public boolean watched() {
        return System.nanoTime() - lastAskedNanos < WATCHED_NANOS;
    }

    private void loop() {
        BufferedImage reuse = null;
        try (JpegEncoder encoder = new JpegEncoder(quality)) {
            encodeWhileRunning(encoder, reuse);
        }
    }

    private void encodeWhileRunning(JpegEncoder encoder, BufferedImage reuse) {
        while (thread.running()) {
            boolean worked = false;
            for (Output output : outputs.values()) {
                VideoFrame frame = output.slot().takeLatest();
                if (frame == null) {
                    continue;
                }
                worked = true;
                reuse = FrameImages.toImage(frame, reuse);
                try {
                    output.jpeg().set(encoder.encode(reuse));
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
        lastAskedNanos = System.nanoTime();
        Output o = named(output);
        return o == null ? Optional.empty() : Optional.ofNullable(o.jpeg().get());
    }

    @Override
    public long version(String output) {
        lastAskedNanos = System.nanoTime();
        Output o = named(output);
        return o == null ? 0 : o.version().get();
    }

    @Override
    public void close() {
        thread.stop(2_000);
    }
}
