package org.liquide.control;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong tokens and lock-outs in the log as counts, not one line each: the first of a minute is logged with
 * its address, the rest of that minute are counted and summed up in one line when the next one comes.
 * An attack from many addresses thus costs a line a minute, not thousands.
 */
final class AuthFailureLog {
    static final Duration PERIOD = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AuthFailureLog.class);

    private final Clock clock;
    private Instant periodStart = Instant.MIN;
    private long failures;
    private long lockouts;

    AuthFailureLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void failure(String client, String what, Optional<Duration> lockout, boolean global) {
        Instant now = clock.instant();
        if (!now.isBefore(periodStart.plus(PERIOD))) {
            if (failures > 0) {
                LOG.warn("control panel: {} more wrong token(s), {} lock-out(s), since {}", failures, lockouts, periodStart);
            }
            periodStart = now;
            failures = 0;
            lockouts = 0;
            LOG.warn("control panel: {} from {}{}{} (further ones this minute are counted)", what, client,
                    lockout.map(d -> "; that address is locked out for " + Math.max(1, d.toSeconds()) + " s").orElse(""),
                    global ? "; too many wrong tokens overall: every token attempt is refused for a while" : "");
            return;
        }
        failures++;
        if (lockout.isPresent()) {
            lockouts++;
        }
    }
}
