package org.liquide.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address or a CIDR range of them ({@code 127.0.0.1}, {@code 10.20.0.0/24}, {@code fd00::/8}), parsed without
 * any DNS lookup.
 */
public record AddressRange(byte[] network, int prefix) {
    public AddressRange {
        network = network.clone();
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes");
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix " + prefix + " does not fit a " + network.length * 8 + "-bit address");
        }
    }

    /** {@code ADDRESS} or {@code ADDRESS/PREFIX}; empty when the text is neither (a name is not an address). */
    public static Optional<AddressRange> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.ofLiteral(address).getAddress();
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                String bits = t.substring(slash + 1);
                if (!bits.matches("\\d{1,3}")) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(bits);
            }
            return prefix <= bytes.length * 8 ? Optional.of(new AddressRange(bytes, prefix)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange r && r.prefix == prefix && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
