package org.liquide.showcase;

/** OSC in: where to listen (127.0.0.1 unless the configuration opens it). */
public record OscConfig(String host, int port) {
}
