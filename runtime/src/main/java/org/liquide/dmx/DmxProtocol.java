package org.liquide.dmx;

/** How DMX512 travels over the network to a target, with the UDP port its specification assigns. */
public enum DmxProtocol {
    /** Art-Net 4 (Artistic Licence), ArtDmx packets. */
    ART_NET("art-net", 6454, 0, 32767),
    /** ANSI E1.31 (streaming ACN, sACN) data packets, sent unicast. */
    SACN("sacn", 5568, 1, 63999);

    private final String configName;
    private final int defaultPort;
    private final int firstUniverse;
    private final int lastUniverse;

    DmxProtocol(String configName, int defaultPort, int firstUniverse, int lastUniverse) {
        this.configName = configName;
        this.defaultPort = defaultPort;
        this.firstUniverse = firstUniverse;
        this.lastUniverse = lastUniverse;
    }

    public String configName() {
        return configName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The lowest universe the protocol addresses: Art-Net's port-address 0, sACN's universe 1. */
    public int firstUniverse() {
        return firstUniverse;
    }

    /** The highest: Art-Net's 15-bit port-address 32767, sACN's 63999. */
    public int lastUniverse() {
        return lastUniverse;
    }
}
