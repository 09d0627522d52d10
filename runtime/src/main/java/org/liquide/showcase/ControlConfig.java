package org.liquide.showcase;

import java.nio.file.Path;
import java.util.List;

/**
 * The control panel.
 *
 * @param openStatus   let status reads and previews through without the token (off by default)
 * @param allowedHosts names the panel answers to besides its address (a DNS-rebinding page's name gets 421)
 */
public record ControlConfig(boolean enabled, String host, int port, Path tokenFile, boolean openStatus,
                            List<String> allowedHosts) {
    public ControlConfig {
        allowedHosts = List.copyOf(allowedHosts);
    }

    public ControlConfig(boolean enabled, String host, int port, Path tokenFile, boolean openStatus) {
        this(enabled, host, port, tokenFile, openStatus, List.of());
    }
}
