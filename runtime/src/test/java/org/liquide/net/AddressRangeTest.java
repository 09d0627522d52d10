package org.liquide.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AddressRangeTest {
    private static boolean in(String range, String address) {
        return AddressRange.parse(range).orElseThrow().contains(InetAddress.ofLiteral(address));
    }

    @Test
    void addressesAndRangesMatchByTheirPrefix() {
        assertTrue(in("127.0.0.1", "127.0.0.1"));
        assertFalse(in("127.0.0.1", "127.0.0.2"));
        assertTrue(in("10.20.0.0/24", "10.20.0.254"));
        assertFalse(in("10.20.0.0/24", "10.20.1.1"));
        assertTrue(in("10.20.0.0/23", "10.20.1.1"));
        assertTrue(in("192.168.1.128/25", "192.168.1.200"));
        assertFalse(in("192.168.1.128/25", "192.168.1.100"));
        assertTrue(in("0.0.0.0/0", "8.8.8.8"));
        assertTrue(in("fd00::/8", "fd12::1"));
        assertFalse(in("fd00::/8", "fe80::1"));
        assertFalse(in("::1", "127.0.0.1"), "families do not mix");
    }

    @Test
    void namesAndMalformedRangesAreNotAddresses() {
        for (String bad : List.of("", "regie.local", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8x", "::1/129", "1.2.3.4/-1", "localhost")) {
            assertTrue(AddressRange.parse(bad).isEmpty(), bad);
        }
    }
}
