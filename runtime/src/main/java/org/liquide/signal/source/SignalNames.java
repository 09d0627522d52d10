package org.liquide.signal.source;

/** What a signal name may look like: path segments of letters, digits, '_', '-', '.', at most 128 characters. */
public final class SignalNames {
    private static final java.util.regex.Pattern VALID =
            java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*");

    private SignalNames() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= 128 && VALID.matcher(name).matches();
    }
}
