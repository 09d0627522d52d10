package org.liquide.signal.monitor;

import org.liquide.show.status.DeviceStatus;
import org.liquide.show.status.SignalStatus;

import java.util.Locale;
import java.util.stream.Collectors;

/** A snapshot as a plain-text table for a terminal: the broker, each signal row, each node. */
public final class MonitorTable {
    private MonitorTable() {
    }

    public static String format(MonitorSnapshot snapshot) {
        StringBuilder out = new StringBuilder();
        out.append("broker ").append(snapshot.broker()).append(": ").append(snapshot.connected() ? "connected" : "not reachable (retrying)");
        long online = snapshot.nodes().stream().filter(n -> n.state().equals("online")).count();
        out.append(" · ").append(online).append('/').append(snapshot.nodes().size()).append(" nodes online");
        if (!snapshot.dropped().isEmpty()) {
            out.append(" · dropped: ").append(snapshot.dropped().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        out.append('\n');
        if (snapshot.signals().isEmpty()) {
            out.append("no signal yet\n");
        } else {
            int nameWidth = Math.max(6, snapshot.signals().stream().mapToInt(s -> s.name().length()).max().orElse(0));
            int targetWidth = Math.max(6, snapshot.signals().stream().mapToInt(s -> s.target().length()).max().orElse(0));
            String row = "%-" + nameWidth + "s  %10s  %7s  %-5s  %-" + targetWidth + "s  %s%n";
            out.append(String.format(Locale.ROOT, row, "SIGNAL", "RAW", "AGE", "STATE", "TARGET", "MAPPED"));
            for (SignalStatus s : snapshot.signals()) {
                out.append(String.format(Locale.ROOT, row, s.name(), number(s.raw()), age(s.ageSeconds()),
                        s.ageSeconds() < 0 ? "never" : s.stale() ? "stale" : "live", s.target().isEmpty() ? "-" : s.target(),
                        s.target().isEmpty() ? "" : number(s.mapped())));
            }
        }
        for (DeviceStatus node : snapshot.nodes()) {
            out.append(String.format(Locale.ROOT, "node %-20s %s%n", node.name(), node.state()));
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String age(double seconds) {
        return seconds < 0 ? "-" : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
