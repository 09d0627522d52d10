package org.liquide.dmx;

/** One receiver of one universe ({@code dmx.targets} in showcase.yaml): a node, a desk's input, a gateway. */
public record DmxTarget(DmxProtocol protocol, String host, int port, int universe) {
    /** protocol host:port universe, as logs name it. */
    public String name() {
        return protocol.configName() + " " + host + ":" + port + " universe " + universe;
    }
}
