package org.liquide.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Closes a running show when the JVM is told to stop (SIGTERM from systemd, Ctrl-C), and when the show
 * ends by itself. On a signal the close is given at most {@link #BOUND}: a thread stuck on the network, a
 * client or a driver does not hold the stop, and the command's own end says nothing: the JVM exits with
 * the signal's status (143 for SIGTERM) once the hook is done. When the show ends by itself (its frames
 * done, the daily restart) the close is waited for, so that the command's results follow a closed show.
 *
 * <pre>{@code
 * StopOnSignal stop = StopOnSignal.install(show);
 * show.loop().awaitFinished(...);
 * if (!stop.finish()) {
 *     return ExitCodes.OK; // stopping on a signal: the hook closed the show, the JVM exits with 143
 * }
 * }</pre>
 */
final class StopOnSignal {
    static final Duration BOUND = Duration.ofSeconds(4);
    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

    private final AutoCloseable show;
    private final Thread hook;
    private final boolean stoppingAlready;

    private StopOnSignal(AutoCloseable show) {
        this.show = show;
        this.hook = new Thread(() -> closeWithin(show, BOUND), "liquide-shutdown");
        boolean stopping = false;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException signalDuringStart) {
            stopping = true; // the signal came while the show started: close it now
            closeWithin(show, BOUND);
        }
        this.stoppingAlready = stopping;
    }

    /** Closes {@code show} on SIGTERM or Ctrl-C from now on. */
    static StopOnSignal install(AutoCloseable show) {
        return new StopOnSignal(show);
    }

    /**
     * The show ended (its frames done, the daily restart, or a signal): closes it.
     *
     * @return false when the JVM is stopping on a signal, whose hook owns the stop: the caller ends quietly
     */
    boolean finish() throws Exception {
        if (stoppingAlready) {
            return false;
        }
        show.close(); // a signal meanwhile: the hook waits on this close, at most BOUND
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException stopping) {
            return false;
        }
    }

    /** Closes on a thread of its own and waits at most {@code bound}; true when the close finished. */
    static boolean closeWithin(AutoCloseable show, Duration bound) {
        Thread closing = Thread.ofPlatform().name("liquide-stop").daemon().start(() -> {
            try {
                show.close();
            } catch (Exception e) {
                LOG.debug("closing the show", e);
            }
        });
        try {
            if (closing.join(bound)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("stop: the show had not closed after {} s; exiting without waiting for the rest", bound.toSeconds());
        return false;
    }
}
