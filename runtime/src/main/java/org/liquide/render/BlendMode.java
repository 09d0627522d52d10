package org.liquide.render;

import java.util.Arrays;
import java.util.Optional;

/** How a layer combines with what lies below it. The code is the compositor shader's {@code BLEND}. */
public enum BlendMode {
    NORMAL("normal", 0),
    ADD("add", 1),
    MULTIPLY("multiply", 2),
    SCREEN("screen", 3),
    DIFFERENCE("difference", 4),
    /** Shows the layer where it is bright (above the key threshold), lets the layer below through elsewhere. */
    LUMINANCE_KEY("luminance-key", 5);

    private final String configName;
    private final int shaderCode;

    BlendMode(String configName, int shaderCode) {
        this.configName = configName;
        this.shaderCode = shaderCode;
    }

    /** The name used in scene files and on the command line. */
    public String configName() {
        return configName;
    }

    int shaderCode() {
        return shaderCode;
    }

    public static Optional<BlendMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.configName.equals(name)).findFirst();
    }
}
