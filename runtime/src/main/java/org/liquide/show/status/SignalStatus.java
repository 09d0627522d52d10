package org.liquide.show.status;

/**
 * A signal and, when a mapping uses it, what it moves.
 *
 * @param raw        the last value received (NaN before any)
 * @param mapped     the value given to the target (NaN when unmapped)
 * @param ageSeconds since the last message (-1 before any)
 */
public record SignalStatus(String name, String source, double raw, String target, double mapped, double ageSeconds,
                           boolean stale) {
}
