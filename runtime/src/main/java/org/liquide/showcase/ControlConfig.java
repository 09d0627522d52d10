package org.liquide.showcase;

import java.nio.file.Path;
import java.util.List;

/**
 * The control panel as showcase.yaml describes it; what the file leaves out is local only, on port 8420, with the
 * token in {@link #defaultTokenFile()}.
 *
 * @param openStatus   let status reads and previews through without the token (off by default)
 * @param allowedHosts names the panel answers to besides its address (a DNS-rebinding page's name gets 421)
 */
public record ControlConfig(boolean enabled, String host, int port, Path tokenFile, boolean openStatus,
                            List<String> allowedHosts) {
    public static final String LOCAL_ONLY = "127.0.0.1";
    public static final int DEFAULT_PORT = 8420;

    public ControlConfig {
        allowedHosts = List.copyOf(allowedHosts);
    }

    public ControlConfig(boolean enabled, String host, int port, Path tokenFile, boolean openStatus) {
        this(enabled, host, port, tokenFile, openStatus, List.of());
    }

    /** On, local only, on the default port, token in {@link #defaultTokenFile()}, nothing open. */
    public static ControlConfig defaults() {
        return new ControlConfig(true, LOCAL_ONLY, DEFAULT_PORT, defaultTokenFile(), false);
    }

    /** {@code $XDG_CONFIG_HOME/liquide/control-token}, else {@code ~/.config/liquide/control-token}. */
    public static Path defaultTokenFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("liquide").resolve("control-token");
    }
}
