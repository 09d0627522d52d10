package org.liquide.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the control panel listens and who may use it.
 *
 * @param bindHost   the address to listen on: {@code 127.0.0.1} keeps the panel on this machine;
 *                   the venue's network needs an explicit address (or {@code 0.0.0.0}), knowing that visitors'
 *                   Wi-Fi may reach it
 * @param port       TCP port (0 picks a free one, for tests)
 * @param tokenFile  the access token's file, created on first start (0600) and reused after
 * @param openStatus when true, {@code GET /api/status} and the previews are readable without the token
 *                   (a lobby screen, a monitoring probe); every command still needs it
 * @param allowedHosts names (besides the bind address, {@code localhost} and address literals) that requests may
 *                   give as {@code Host}, such as {@code regie.local}; any other gets 421
 */
public record ControlSettings(String bindHost, int port, Path tokenFile, boolean openStatus, List<String> allowedHosts) {
    public ControlSettings {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(tokenFile, "tokenFile");
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("the control panel's bind host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the control panel's port must be 0 to 65535, not " + port);
        }
        allowedHosts = List.copyOf(allowedHosts);
    }

    public ControlSettings(String bindHost, int port, Path tokenFile, boolean openStatus) {
        this(bindHost, port, tokenFile, openStatus, List.of());
    }

    public ControlSettings withBindHost(String host) {
        return new ControlSettings(host, port, tokenFile, openStatus, allowedHosts);
    }

    public ControlSettings withPort(int newPort) {
        return new ControlSettings(bindHost, newPort, tokenFile, openStatus, allowedHosts);
    }

    public ControlSettings withOpenStatus(boolean open) {
        return new ControlSettings(bindHost, port, tokenFile, open, allowedHosts);
    }
}
