package org.liquide.oscquery;

import org.liquide.log.RateLimitedLog;
import org.liquide.net.Senders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may read the namespace and stream values: the senders allowed to send OSC commands. Anyone else is
 * counted; the first refusal of each address (up to {@value #MAX_LOGGED} addresses) is logged, rate-limited.
 */
final class RefusedSenders {
    static final int MAX_LOGGED = 256;
    private static final Logger LOG = LoggerFactory.getLogger(RefusedSenders.class);

    private final Senders allowed;
    private final AtomicLong refused = new AtomicLong();
    private final Set<InetAddress> logged = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog log = RateLimitedLog.of(LOG);

    RefusedSenders(Senders allowed) {
        this.allowed = allowed;
    }

    /** True when the address may connect; otherwise counts it, logs it the first time, and returns false. */
    boolean allows(InetAddress address) {
        if (allowed.allows(address)) {
            return true;
        }
        refused.incrementAndGet();
        if (logged.size() < MAX_LOGGED && logged.add(address)) {
            log.warn("oscquery: a request from {} refused (403): that address is not in osc.commands_from (showcase file);"
                    + " further ones from it are only counted", address.getHostAddress());
        }
        return false;
    }

    long refused() {
        return refused.get();
    }
}
