package org.liquide.systemd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Watches a heartbeat (the runtime's render thread drawing frames, a sensor node reading its sensors).
 * While it beats it pings systemd's watchdog; when it has been silent for longer than the stall limit it
 * logs every thread's stack once (the clue to what it waits on) and stops pinging, so systemd restarts the
 * process after WatchdogSec.
 */
public final class HeartbeatWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWatchdog.class);

    private final String what;
    private final LongSupplier heartbeatNanos;
    private final long stallNanos;
    private final Optional<SystemdNotifier> notifier;
    private final LongSupplier clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean stalled;
    private volatile long stallsSeen;

    /**
     * @param what           what beats, for the log and systemd's status ("render thread")
     * @param heartbeatNanos {@link System#nanoTime()} of the last beat (0 before the first)
     * @param stall          how long without a frame counts as a stall
     * @param period         how often to check (half systemd's WatchdogSec)
     */
    public HeartbeatWatchdog(String what, LongSupplier heartbeatNanos, Duration stall, Duration period,
                             Optional<SystemdNotifier> notifier, LongSupplier clock) {
        this.what = what;
        this.heartbeatNanos = heartbeatNanos;
        this.stallNanos = stall.toNanos();
        this.notifier = notifier;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("liquide-watchdog").daemon().unstarted(() -> {
            while (running) {
                check();
                try {
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public HeartbeatWatchdog start() {
        thread.start();
        return this;
    }

    /** One check: ping when healthy, report a new stall once. */
    public void check() {
        long beat = heartbeatNanos.getAsLong();
        boolean healthy = beat != 0L && clock.getAsLong() - beat < stallNanos;
        if (healthy) {
            if (stalled) {
                LOG.warn("watchdog: {} beating again", what);
                stalled = false;
            }
            notifier.ifPresent(n -> n.send("WATCHDOG=1"));
        } else if (beat != 0L && !stalled) {
            stalled = true;
            stallsSeen++;
            LOG.error("watchdog: {} silent for {} ms; thread stacks follow{}", what, (clock.getAsLong() - beat) / 1_000_000,
                    threadDump());
            notifier.ifPresent(n -> n.send("STATUS=" + what + " stalled"));
        }
    }

    public boolean stalled() {
        return stalled;
    }

    /** How many distinct stalls were reported. */
    public long stallsSeen() {
        return stallsSeen;
    }

    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(System.lineSeparator()).append('"').append(info.getThreadName()).append("\" ")
                    .append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                dump.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append(System.lineSeparator()).append("    at ").append(frame);
            }
        }
        return dump.toString();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
