package org.liquide.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.CapturedLog;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RateLimitedLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.liquide.log.RateLimitedLogTest");
    private CapturedLog lines;
    private final SettableClock clock = new SettableClock(Instant.parse("2027-01-14T14:02:11Z"));

    @BeforeEach
    void attach() {
        lines = CapturedLog.of(logger.getName()).at(Level.INFO);
    }

    @AfterEach
    void detach() {
        lines.close();
    }

    private List<String> messages() {
        return lines.messages();
    }

    @Test
    void aFloodWritesABurstPerWindowAndTheNextWindowSaysHowManyWereNotWritten() {
        RateLimitedLog log = new RateLimitedLog(logger, 3, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 1_807; i++) {
            log.info("OSC: next {}", i);
        }
        assertEquals(List.of("OSC: next 0", "OSC: next 1", "OSC: next 2 (more such lines until 14:02:21 are counted, not written)"),
                messages());

        clock.advance(Duration.ofSeconds(10));
        log.warn("OSC: next {}", "again");
        assertEquals("OSC: next again (… 1,804 more in the 10 s to 14:02:21)", messages().get(3));
        assertEquals(Level.WARN, lines.events().get(3).getLevel());

        clock.advance(Duration.ofHours(1));
        log.info("quiet");
        assertEquals("quiet", messages().get(4), "nothing was counted since");
    }

    @Test
    void linesBelowTheLoggersLevelCostNothingAndAreNotCounted() {
        logger.setLevel(Level.WARN);
        RateLimitedLog log = new RateLimitedLog(logger, 1, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 100; i++) {
            log.info("hidden");
        }
        log.warn("seen");
        assertEquals(List.of("seen (more such lines until 14:02:21 are counted, not written)"), messages());
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
