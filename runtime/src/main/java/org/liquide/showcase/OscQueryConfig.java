package org.liquide.showcase;

/**
 * OSCQuery ({@code osc.query} in the showcase file): on whenever OSC input is, unless {@code enabled: false}.
 *
 * @param port     TCP port for HTTP and the WebSocket; 0 (the default) takes a free one, which the log names
 * @param announce announce {@code _oscjson._tcp} and {@code _osc._udp} over mDNS
 */
public record OscQueryConfig(boolean enabled, int port, boolean announce) {
    public static final OscQueryConfig DEFAULT = new OscQueryConfig(true, 0, true);
}
