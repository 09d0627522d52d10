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
 */
final class AuthThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 4096;

    private final Clock clock;
    private final int freeFailures;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final int maxTracked;
    private final Map<String, Entry> entries = new HashMap<>();

    private static final class Entry {
        int failures;
        Instant lockedUntil = Instant.MIN;
        Instant lastFailure;
    }

    AuthThrottle(Clock clock) {
        this(clock, FREE_FAILURES, FIRST_LOCKOUT, MAX_LOCKOUT, MAX_TRACKED);
    }

    AuthThrottle(Clock clock, int freeFailures, Duration firstLockout, Duration maxLockout, int maxTracked) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.maxTracked = maxTracked;
    }

    /** How long this client must still wait, if it is locked out. */
    synchronized Optional<Duration> lockedFor(String client) {
        Entry entry = entries.get(client);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return now.isBefore(entry.lockedUntil) ? Optional.of(Duration.between(now, entry.lockedUntil)) : Optional.empty();
    }

    /** Records a failed attempt; returns the lock-out it starts, if any. */
    synchronized Optional<Duration> failure(String client) {
        Instant now = clock.instant();
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
