package org.liquide.hardware.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a logger, and the loggers below it, log while this is open, kept for a test to read from any thread
 * (the show logs from its own threads). The logger's other appenders still get every line. {@link #at}
 * lowers the logger's level for the capture (the show logs at INFO, the tests' configuration at WARN);
 * closing detaches the capture and puts the level back.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        appender.setContext(logger.getLoggerContext());
        appender.setName("captured-log");
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures what {@code source}'s logger logs. */
    public static CapturedLog of(Class<?> source) {
        return of(source.getName());
    }

    /** Captures what the logger of that name (a package, or {@code ROOT}) and those below it log. */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog((Logger) LoggerFactory.getLogger(loggerName));
    }

    /** Sets the logger's level until {@link #close}. */
    public CapturedLog at(Level level) {
        logger.setLevel(level);
        return this;
    }

    /** The lines logged so far, oldest first. */
    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** The messages logged so far, formatted, oldest first. */
    public List<String> messages() {
        return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The messages logged so far at exactly {@code level}. */
    public List<String> messages(Level level) {
        return events.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previousLevel);
    }
}
