package org.liquide.hardware.wire;

import java.util.regex.Pattern;

/**
 * The rule for node, sensor and channel names: they become MQTT topic levels, so they must never contain
 * {@code /}, {@code +}, {@code #} or whitespace. Lower-case ASCII letters, digits, {@code -} and {@code _},
 * starting with a letter or digit, at most 32 characters.
 */
public final class Names {
    public static final int MAX_LENGTH = 32;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** What a valid name looks like, for error messages. */
    public static String rule() {
        return "1 to " + MAX_LENGTH + " characters among a-z, 0-9, '-' and '_', starting with a letter or digit";
    }

    static String require(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(what + " name '" + name + "' is invalid: " + rule());
        }
        return name;
    }
}
