package org.liquide.control;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Panel sessions made by the login form. The cookie carries a random session id (never the token);
 * this store keeps only the id's SHA-256, each session's CSRF token, and when it was last used. A
 * session unused for {@link #IDLE} ends; at most {@link #MAX_SESSIONS} live at once (the least recently
 * used goes). Sessions live in memory: a restart of the runtime asks for the token again.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(24);
    static final int MAX_SESSIONS = 64;

    record Session(String csrfToken, Instant created) {
    }

    /** A new session: the cookie value to hand out once, and its session. */
    record Issued(String id, Session session) {
    }

    private static final class Slot {
        final Session session;
        Instant lastUsed;

        Slot(Session session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Slot> byDigest = new HashMap<>();

    Sessions(Clock clock) {
        this.clock = clock;
    }

    synchronized Issued create() {
        Instant now = clock.instant();
        expire(now);
        if (byDigest.size() >= MAX_SESSIONS) {
            String lru = null;
            Instant lruTime = Instant.MAX;
            for (Map.Entry<String, Slot> e : byDigest.entrySet()) {
                if (e.getValue().lastUsed.isBefore(lruTime)) {
                    lruTime = e.getValue().lastUsed;
                    lru = e.getKey();
                }
            }
            byDigest.remove(lru);
        }
        String id = randomValue();
        Session session = new Session(randomValue(), now);
        byDigest.put(digest(id), new Slot(session, now));
        return new Issued(id, session);
    }

    synchronized Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String key = digest(id);
        Slot slot = byDigest.get(key);
        if (slot == null) {
            return Optional.empty();
        }
        if (!now.isBefore(slot.lastUsed.plus(IDLE))) {
            byDigest.remove(key);
            return Optional.empty();
        }
        slot.lastUsed = now;
        return Optional.of(slot.session);
    }

    synchronized void remove(String id) {
        if (id != null) {
            byDigest.remove(digest(id));
        }
    }

    synchronized int size() {
        return byDigest.size();
    }

    private void expire(Instant now) {
        byDigest.values().removeIf(slot -> !now.isBefore(slot.lastUsed.plus(IDLE)));
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String id) {
        return HexFormat.of().formatHex(AccessToken.sha256(id));
    }
}
