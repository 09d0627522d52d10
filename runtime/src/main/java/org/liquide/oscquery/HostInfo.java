package org.liquide.oscquery;

/**
 * What {@code ?HOST_INFO} answers: the show's name and where its OSC input is (UDP). The WebSocket is on the
 * HTTP port, so WS_IP and WS_PORT are left out, as the proposal allows.
 *
 * @param oscIp the address the OSC input listens on; empty when it listens on every address (clients then use
 *              the address they reached this server at)
 */
public record HostInfo(String name, String oscIp, int oscPort) {
    /** The optional attributes this server supports, as EXTENSIONS lists them. */
    static final java.util.List<String> EXTENSIONS = java.util.List.of("ACCESS", "VALUE", "RANGE", "DESCRIPTION",
            "LISTEN", "PATH_CHANGED");
}
