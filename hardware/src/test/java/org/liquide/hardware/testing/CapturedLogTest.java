package org.liquide.hardware.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CapturedLogTest {
    private static final String NAME = "org.liquide.hardware.testing.CapturedLogTest.source";

    @Test
    void keepsWhatTheLoggerAndThoseBelowItLogFromAnyThreadThenPutsTheLevelBack() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(NAME);
        Level before = logger.getLevel();
        CapturedLog log = CapturedLog.of(NAME).at(Level.INFO);
        try (log) {
            assertEquals(Level.INFO, logger.getLevel());
            Thread other = new Thread(() -> LoggerFactory.getLogger(NAME + ".below").warn("from {}", "another thread"));
            other.start();
            other.join();
            logger.info("here");
            logger.debug("below the level");
            assertEquals(List.of("from another thread", "here"), log.messages());
            assertEquals(List.of("from another thread"), log.messages(Level.WARN));
            assertEquals(NAME + ".below", log.events().getFirst().getLoggerName());
        }
        assertEquals(before, logger.getLevel(), "the level put back");
        logger.warn("after");
        assertEquals(List.of("from another thread", "here"), log.messages(), "nothing kept once closed");
    }
}
