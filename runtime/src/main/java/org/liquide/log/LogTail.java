package org.liquide.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last lines of the log, for the panel. A Logback appender on the root logger that keeps lines in a
 * lock-free ring: appending (possibly on the render thread) takes no lock and never waits; it sees what
 * the root logger lets through (org.liquide at INFO, the rest at WARN, by default). Messages are cut at
 * {@value #MAX_MESSAGE} characters.
 *
 * <p>Install it once at start, before the show logs what the panel should show:
 * {@code LogTail tail = LogTail.install(500);} and give it to the {@link ControlServer}.
 */
public final class LogTail extends UnsynchronizedAppenderBase<ILoggingEvent> {
    public static final String NAME = "LIQUIDE_CONTROL_TAIL";
    static final int MAX_MESSAGE = 2000;

    /** One line: {@code seq} increases by one per line ever appended. */
    public record Line(long seq, Instant time, String level, String logger, String message) {
    }

    private final AtomicReferenceArray<Line> ring;
    private final AtomicLong next = new AtomicLong();

    /** A tail not attached to any logger (fed by {@link #add}; for tests, or when Logback is not in use). */
    public LogTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new AtomicReferenceArray<>(capacity);
        setName(NAME);
    }

    /**
     * Attaches a tail to Logback's root logger, or returns the one already attached. When SLF4J is not
     * bound to Logback, returns a detached tail (the panel then shows no log).
     */
    public static synchronized LogTail install(int capacity) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            LoggerFactory.getLogger(LogTail.class).warn("control panel: the log is not Logback's; the panel shows no log");
            return new LogTail(capacity);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(NAME) instanceof LogTail existing) {
            return existing;
        }
        LogTail tail = new LogTail(capacity);
        tail.setContext(context);
        tail.start();
        root.addAppender(tail);
        return tail;
    }

    /** Detaches this tail from the root logger (tests). */
    public void uninstall() {
        if (getContext() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            message = message + " — " + thrown.getClassName() + (thrown.getMessage() != null ? ": " + thrown.getMessage() : "");
        }
        String logger = event.getLoggerName();
        add(new Line(0, Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(),
                logger.substring(logger.lastIndexOf('.') + 1), message));
    }

    /** Appends a line (its seq is assigned here). */
    public void add(Line line) {
        long seq = next.getAndIncrement();
        String message = line.message() == null ? "" : line.message();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        ring.set((int) (seq % ring.length()), new Line(seq, line.time(), line.level(), line.logger(), message));
    }

    /** The last {@code n} lines, oldest first. */
    public List<Line> last(int n) {
        long end = next.get();
        long start = Math.max(0, Math.max(end - n, end - ring.length()));
        List<Line> lines = new ArrayList<>((int) (end - start));
        for (long seq = start; seq < end; seq++) {
            Line line = ring.get((int) (seq % ring.length()));
            // A slot being rewritten while reading holds a newer line: skip it rather than show it out of order.
            if (line != null && line.seq() == seq) {
                lines.add(line);
            }
        }
        return lines;
    }

    public int capacity() {
        return ring.length();
    }
}
