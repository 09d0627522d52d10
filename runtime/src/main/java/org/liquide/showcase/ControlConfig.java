package org.liquide.showcase;

import java.nio.file.Path;

/**
 * The control panel.
 *
 * @param openStatus let status reads and previews through without the token (off by default)
 */
public record ControlConfig(boolean enabled, String host, int port, Path tokenFile, boolean openStatus) {
}
