package org.liquide.hardware.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An MQTT broker, written {@code tcp://host:port} (port 1883 when omitted) or, over TLS,
 * {@code mqtts://host:port} (port 8883 when omitted).
 */
public record BrokerAddress(String host, int port, boolean tls) {
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_TLS_PORT = 8883;

    public BrokerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("broker host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port " + port + " is not 1 to 65535");
        }
    }

    /** Plain TCP. */
    public BrokerAddress(String host, int port) {
        this(host, port, false);
    }

    /** Parses {@code tcp://host[:port]} or {@code mqtts://host[:port]}; empty when the text is not such a URL. */
    public static Optional<BrokerAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            boolean tls = "mqtts".equals(uri.getScheme());
            if (!(tls || "tcp".equals(uri.getScheme())) || uri.getHost() == null || uri.getUserInfo() != null
                    || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null
                    || uri.getFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() < 0 ? (tls ? DEFAULT_TLS_PORT : DEFAULT_PORT) : uri.getPort();
            return port <= 65535 ? Optional.of(new BrokerAddress(uri.getHost(), port, tls)) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "tcp://") + host + ":" + port;
    }
}
