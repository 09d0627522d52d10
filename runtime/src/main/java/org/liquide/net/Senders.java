package org.liquide.net;

import java.net.InetAddress;
import java.util.List;

/** Who may send something: a list of addresses and ranges. */
public record Senders(List<AddressRange> ranges) {
    /** This machine only: 127.0.0.1 and ::1. */
    public static final Senders LOOPBACK = new Senders(List.of(AddressRange.parse("127.0.0.1").orElseThrow(),
            AddressRange.parse("::1").orElseThrow()));

    public Senders {
        ranges = List.copyOf(ranges);
    }

    public boolean allows(InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
