package org.liquide.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Back-off after failed token attempts, per client address: a few free failures, then an exponential
 * lock-out (1 s, 2 s, 4 s... up to 15 minutes by default) during which that address's token attempts are
 * refused without being checked. A success forgets the address. Bounded: at most {@code maxTracked}
 * addresses are remembered (expired ones first, then the oldest, are forgotten).
 *
 * <p>Besides, a global limit: after {@code globalFailures} wrong tokens within {@code globalWindow}, from
 * whatever addresses (one can have many: all of 127.0.0.0/8, or a /64 of IPv6), every token attempt is refused
 * until that window ends. Sessions already open are not affected.
 */
final class AuthThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 4096;
    static final int GLOBAL_FAILURES = 50;
    static final Duration GLOBAL_WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final int freeFailures;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final int maxTracked;
    private final int globalFailures;
    private final Duration globalWindow;
    private final Map<String, Entry> entries = new HashMap<>();
    private Instant windowStart = Instant.MIN;
    private int windowFailures;

    private static final class Entry {
        int failures;
        Instant lockedUntil = Instant.MIN;
        Instant lastFailure;
    }

    AuthThrottle(Clock clock) {
        this(clock, FREE_FAILURES, FIRST_LOCKOUT, MAX_LOCKOUT, MAX_TRACKED, GLOBAL_FAILURES, GLOBAL_WINDOW);
    }

    AuthThrottle(Clock clock, int freeFailures, Duration firstLockout, Duration maxLockout, int maxTracked,
                 int globalFailures, Duration globalWindow) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.maxTracked = maxTracked;
        this.globalFailures = globalFailures;
        this.globalWindow = globalWindow;
    }

    /** How long this client must still wait, if it is locked out. */
    synchronized Optional<Duration> lockedFor(String client) {
        Instant now = clock.instant();
        Instant until = globalLockEnd(now);
        Entry entry = entries.get(client);
        if (entry != null && entry.lockedUntil.isAfter(until)) {
            until = entry.lockedUntil;
        }
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Whether every address is refused now, because of the global limit. */
    synchronized boolean globallyLocked() {
        Instant now = clock.instant();
        return now.isBefore(globalLockEnd(now));
    }

    private Instant globalLockEnd(Instant now) {
        Instant end = windowStart.plus(globalWindow);
        return windowFailures >= globalFailures && now.isBefore(end) ? end : Instant.MIN;
    }

    /** Records a failed attempt; returns the lock-out it starts, if any. */
    synchronized Optional<Duration> failure(String client) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(globalWindow))) {
            windowStart = now;
            windowFailures = 0;
        }
        windowFailures++;
        Entry entry = entries.get(client);
        if (entry == null) {
            if (entries.size() >= maxTracked) {
                forgetSome(now);
            }
            entry = new Entry();
            entries.put(client, entry);
        }
        entry.failures++;
        entry.lastFailure = now;
        if (entry.failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(entry.failures - freeFailures, 30);
        Duration lockout = firstLockout.multipliedBy(1L << doublings);
        if (lockout.compareTo(maxLockout) > 0) {
            lockout = maxLockout;
        }
        entry.lockedUntil = now.plus(lockout);
        return Optional.of(lockout);
    }

    synchronized void success(String client) {
        entries.remove(client);
    }

    synchronized int tracked() {
        return entries.size();
    }

    private void forgetSome(Instant now) {
        // Expired lock-outs whose last failure is older than the longest lock-out go first.
        Instant horizon = now.minus(maxLockout);
        entries.values().removeIf(e -> !now.isBefore(e.lockedUntil) && e.lastFailure.isBefore(horizon));
        if (entries.size() < maxTracked) {
            return;
        }
        String oldest = null;
        Instant oldestTime = Instant.MAX;
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().lastFailure.isBefore(oldestTime)) {
                oldestTime = e.getValue().lastFailure;
                oldest = e.getKey();
            }
        }
        entries.remove(oldest);
    }
}
