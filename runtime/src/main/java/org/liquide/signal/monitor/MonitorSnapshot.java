package org.liquide.signal.monitor;

import org.liquide.show.status.DeviceStatus;
import org.liquide.show.status.SignalStatus;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the signals monitor saw at one moment.
 *
 * @param signals one row per mapping, then one per unmapped signal
 * @param dropped messages the runtime would refuse, by reason (malformed, out of range...)
 */
public record MonitorSnapshot(Instant time, URI broker, boolean connected, List<SignalStatus> signals,
                              List<DeviceStatus> nodes, SortedMap<String, Long> dropped) {
    public MonitorSnapshot {
        signals = List.copyOf(signals);
        nodes = List.copyOf(nodes);
        dropped = Collections.unmodifiableSortedMap(new TreeMap<>(dropped));
    }
}
