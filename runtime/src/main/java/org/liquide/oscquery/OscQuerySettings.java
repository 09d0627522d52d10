package org.liquide.oscquery;

import org.liquide.net.Senders;

/**
 * Where the OSCQuery server listens and what it says about the OSC input.
 *
 * @param host     the address to listen on (the OSC input's)
 * @param port     the TCP port for HTTP and the WebSocket; 0 takes a free one
 * @param name     the show's name, in HOST_INFO and the mDNS announcement
 * @param machine  this machine's name, its host name in the mDNS announcement
 * @param oscPort  the OSC input's UDP port, in HOST_INFO
 * @param allowed  who may read and stream (the OSC commands' senders)
 * @param announce announce {@code _oscjson._tcp} and {@code _osc._udp} over mDNS
 */
public record OscQuerySettings(String host, int port, String name, String machine, int oscPort, Senders allowed, boolean announce) {
    public OscQuerySettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
    }

    /** True when the server listens on every address of the machine. */
    boolean everywhere() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
