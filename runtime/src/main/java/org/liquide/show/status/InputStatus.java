package org.liquide.show.status;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one signal source (mqtt, osc, vision...) took and refused since the start.
 *
 * @param dropped refused messages by reason: malformed ones, and those from senders not allowed
 *                ({@code sender-refused}, {@code command-sender-refused} for OSC)
 */
public record InputStatus(String source, long accepted, SortedMap<String, Long> dropped) {
    public InputStatus {
        dropped = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(dropped));
    }

    public static InputStatus of(String source, long accepted, Map<String, Long> dropped) {
        return new InputStatus(source, accepted, new TreeMap<>(dropped));
    }
}
