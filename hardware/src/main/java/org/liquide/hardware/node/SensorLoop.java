package org.liquide.hardware.node;

import org.liquide.hardware.wire.ReadingSink;
import org.liquide.hardware.board.Board;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.node.sensor.Sample;
import org.liquide.hardware.node.sensor.SensorReader;
import org.liquide.hardware.node.sensor.SensorReaders;
import org.liquide.hardware.wire.SensorReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads one sensor at its rate on its own thread and hands each reading to the sink. A late read skips the
 * ticks it missed rather than catching up in a burst. A failing sensor is closed and opened again, at most once
 * every {@link #MAX_RETRY_NANOS}, forever: a loose connector fixed during the show brings it back.
 */
final class SensorLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SensorLoop.class);
    static final long MAX_RETRY_NANOS = 5_000_000_000L;

    private final String node;
    private final SensorConfig config;
    private final Board board;
    private final ReadingSink sink;
    private final InstantSource wallClock;
    private final NodeStats stats;
    private final long periodNanos;
    private long readingsAtBadTime;

    SensorLoop(String node, SensorConfig config, Board board, ReadingSink sink, InstantSource wallClock,
               NodeStats stats) {
        this.node = node;
        this.config = config;
        this.board = board;
        this.sink = sink;
        this.wallClock = wallClock;
        this.stats = stats;
        this.periodNanos = (long) (1_000_000_000L / config.rateHz());
    }

    @Override
    public void run() {
        SensorReader reader = null;
        int consecutiveFailures = 0;
        long next = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long delay = periodNanos;
                try {
                    if (reader == null) {
                        if (consecutiveFailures > 0) {
                            stats.reopen();
                        }
                        reader = SensorReaders.open(config, board);
                    }
                    publish(reader.read());
                    if (consecutiveFailures > 0) {
                        LOG.info("{}/{}: back after {} failure(s)", node, config.name(), consecutiveFailures);
                    }
                    consecutiveFailures = 0;
                } catch (RuntimeException e) {
                    stats.failure();
                    consecutiveFailures++;
                    // A sensor that stays broken for the whole show must not fill the disk with the same line.
                    if (consecutiveFailures <= 3 || Long.bitCount(consecutiveFailures) == 1) {
                        LOG.warn("{}/{}: read failed ({} in a row): {}", node, config.name(), consecutiveFailures,
                                ReadFailure.describe(e, config));
                    }
                    if (reader != null) {
                        reader.close();
                        reader = null;
                    }
                    delay = Math.min(MAX_RETRY_NANOS, periodNanos * consecutiveFailures);
                }
                next += delay;
                long now = System.nanoTime();
                if (next - now < 0) {
                    next = now;
                }
                LockSupport.parkNanos(next - now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private void publish(java.util.List<Sample> samples) {
        long now = wallClock.millis();
        if (now < SensorReading.MIN_EPOCH_MILLIS || now > SensorReading.MAX_EPOCH_MILLIS) {
            // A Pi that booted without network has no time yet: its readings would be refused downstream.
            readingsAtBadTime++;
            if (Long.bitCount(readingsAtBadTime) == 1) {
                LOG.warn("{}/{}: the clock says {} ms since 1970; readings are dropped until NTP sets it",
                        node, config.name(), now);
            }
            return;
        }
        for (Sample sample : samples) {
            sink.publish(new SensorReading(node, config.name(), sample.channel(), now, sample.value()));
            stats.reading();
        }
    }
}
