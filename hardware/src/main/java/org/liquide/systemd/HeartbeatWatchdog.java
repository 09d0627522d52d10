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
 * stops pinging, so systemd restarts the process after WatchdogSec.
 *
 * <p>The log says it once per episode: every thread's stack at the first stall (the clue to what it
 * waits on), then one line each time the heartbeat comes back (how long it was silent, how many checks
 * found it so). On a loaded machine the heartbeat may stall again and again: the stacks are logged again
 * only after {@link #STACKS_AT_MOST_EVERY}, and the lines in between count the stalls.
 */
public final class HeartbeatWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWatchdog.class);

    private final String what;
    private final LongSupplier heartbeatNanos;
    private final long stallNanos;
    private final Optional<SystemdNotifier> notifier;
    private final LongSupplier clock;
    private final Thread thread;
    /** The stacks are logged at the first stall, then again only after this long. */
    public static final Duration STACKS_AT_MOST_EVERY = Duration.ofMinutes(10);

    private volatile boolean running = true;
    private volatile boolean stalled;
    private volatile long stallsSeen;
    private volatile long stackDumps;
    // Touched by the checking thread only.
    private long lastBeatBeforeStall;
    private long silentChecks;
    private long stacksLoggedAt;
    private long stallsSinceStacks;

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

    /** One check: ping when healthy; at a new stall, the stacks or a count; when it comes back, one line. */
    public void check() {
        long beat = heartbeatNanos.getAsLong();
        long now = clock.getAsLong();
        boolean healthy = beat != 0L && now - beat < stallNanos;
        if (healthy) {
            if (stalled) {
                stalled = false;
                LOG.warn("watchdog: {} beating again after {} ms silent ({} {} without a beat{})", what,
                        (beat - lastBeatBeforeStall) / 1_000_000, silentChecks, silentChecks == 1 ? "check" : "checks",
                        stallsSinceStacks == 0 ? "" : "; stall " + (stallsSinceStacks + 1) + " since the thread stacks logged "
                                + (now - stacksLoggedAt) / 1_000_000_000L + " s ago");
            }
            notifier.ifPresent(n -> n.send("WATCHDOG=1"));
        } else if (beat != 0L && !stalled) {
            stalled = true;
            stallsSeen++;
            lastBeatBeforeStall = beat;
            silentChecks = 1;
            if (stackDumps == 0 || now - stacksLoggedAt >= STACKS_AT_MOST_EVERY.toNanos()) {
                stackDumps++;
                stacksLoggedAt = now;
                stallsSinceStacks = 0;
                LOG.error("watchdog: {} silent for {} ms; thread stacks follow{}", what, (now - beat) / 1_000_000, threadDump());
            } else {
                stallsSinceStacks++;
            }
            notifier.ifPresent(n -> n.send("STATUS=" + what + " stalled"));
        } else if (stalled) {
            silentChecks++;
        }
    }

    public boolean stalled() {
        return stalled;
    }

    /** How many distinct stalls were seen. */
    public long stallsSeen() {
        return stallsSeen;
    }

    /** How many times every thread's stack was logged. */
    public long stackDumps() {
        return stackDumps;
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
