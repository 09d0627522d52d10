package org.liquide.log;

import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One kind of log line that the network can cause (a command received, a wrong token, an unknown OSC
 * address): at most {@code burst} such lines are written per window, the others are only counted, and the
 * first line written after the window says how many were not, e.g. {@code OSC: next (… 1,804 more in the
 * 10 s to 14:02:21)}. The last line a window lets through says that more are being counted, so a flood that
 * stops is still seen in the log. A flood of messages thus costs a few lines, not one line per message.
 *
 * <p>Any thread; the lock is held only to update three counters, never while writing.
 */
public final class RateLimitedLog {
    public static final int DEFAULT_BURST = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Logger logger;
    private final int burst;
    private final long windowMillis;
    private final Clock clock;
    private long windowStart = Long.MIN_VALUE;
    private int written;
    private long suppressed;
    /** Counted in a window that has ended, said with the next line written. */
    private long unreported;
    private long unreportedWindowEnd;

    public RateLimitedLog(Logger logger, int burst, Duration window, Clock clock) {
        if (burst < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a burst of at least 1 line and a positive window");
        }
        this.logger = logger;
        this.burst = burst;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** {@value #DEFAULT_BURST} lines per 10 s. */
    public static RateLimitedLog of(Logger logger) {
        return new RateLimitedLog(logger, DEFAULT_BURST, DEFAULT_WINDOW, Clock.systemDefaultZone());
    }

    public void info(String format, Object... arguments) {
        log(Level.INFO, format, arguments);
    }

    public void warn(String format, Object... arguments) {
        log(Level.WARN, format, arguments);
    }

    public void error(String format, Object... arguments) {
        log(Level.ERROR, format, arguments);
    }

    private void log(Level level, String format, Object... arguments) {
        if (!logger.isEnabledForLevel(level)) {
            return;
        }
        String suffix;
        synchronized (this) {
            long now = clock.millis();
            if (windowStart == Long.MIN_VALUE || now - windowStart >= windowMillis) {
                if (suppressed > 0) {
                    unreported += suppressed;
                    unreportedWindowEnd = windowStart + windowMillis;
                }
                windowStart = now;
                written = 0;
                suppressed = 0;
            }
            if (written == burst) {
                suppressed++;
                return;
            }
            written++;
            suffix = suffix(written == burst);
            unreported = 0;
        }
        logger.atLevel(level).log(format + suffix, arguments);
    }

    /** Under the lock: what this line adds about the lines around it ({@code ""} when nothing). */
    private String suffix(boolean lastOfWindow) {
        StringBuilder text = new StringBuilder();
        if (unreported > 0) {
            text.append(" (… ").append(String.format(Locale.ROOT, "%,d", unreported)).append(" more in the ")
                    .append(seconds()).append(" s to ").append(time(unreportedWindowEnd)).append(')');
        }
        if (lastOfWindow) {
            text.append(" (more such lines until ").append(time(windowStart + windowMillis)).append(" are counted, not written)");
        }
        return text.toString();
    }

    private String seconds() {
        return windowMillis % 1000 == 0 ? Long.toString(windowMillis / 1000) : String.format(Locale.ROOT, "%.1f", windowMillis / 1000.0);
    }

    private String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(clock.getZone()));
    }
}
