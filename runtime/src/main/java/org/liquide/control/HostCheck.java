package org.liquide.control;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Refuses a request whose {@code Host} is not this panel's: against DNS rebinding, where a page a visitor's
 * browser loaded from the attacker's name has that name re-pointed at the régie's address and reads the panel
 * as its own origin. Such a request still says the attacker's name in {@code Host}, so it is answered 421.
 *
 * <p>Accepted: the bind address, any address literal (a rebinding page cannot make the browser send one: its
 * origin is a name), {@code localhost}, and the names the technician lists in {@code control.allowed_hosts}.
 */
final class HostCheck {
    private final Set<String> names;

    HostCheck(String bindHost, List<String> allowedHosts) {
        this.names = Stream.concat(Stream.of(bindHost, "localhost"), allowedHosts.stream())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !allows(host)) {
            throw new ApiException(421, "this panel does not answer to the host '" + (host == null ? "" : host)
                    + "' (add the name to control.allowed_hosts in the showcase file)");
        }
    }

    /** A {@code Host} header's value: a name or address, with an optional port. */
    boolean allows(String hostHeader) {
        String host = withoutPort(hostHeader.strip()).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return names.contains(host) || isAddressLiteral(host);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }

    private static boolean isAddressLiteral(String host) {
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':'
                || (c >= 'a' && c <= 'f'))) {
            return false;
        }
        try {
            InetAddress.ofLiteral(host); // parses only: never a DNS lookup
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
