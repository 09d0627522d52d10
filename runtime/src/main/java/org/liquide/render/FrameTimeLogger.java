package org.liquide.render;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each window of frame-time percentiles the render thread publishes (every minute by default). */
public final class FrameTimeLogger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameTimeLogger.class);

    private final Thread thread;
    private volatile boolean running = true;

    public FrameTimeLogger(FrameTimes frameTimes) {
        this.thread = Thread.ofPlatform().name("liquide-frame-stats").daemon().start(() -> {
            while (running) {
                FrameTimeSummary summary = frameTimes.takeSummary();
                if (summary != null) {
                    LOG.info("frames: {}", summary);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
