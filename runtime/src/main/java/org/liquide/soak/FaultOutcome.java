package org.liquide.soak;

/**
 * One injected fault and what the show did.
 *
 * @param atSeconds       when it was injected, from the start of the run
 * @param seen            whether the show noticed it (the camera lost, the fallback generating...)
 * @param recovered       whether the show came back on its own once the cause was gone
 * @param recoverySeconds from the cause's end to the show's recovery
 */
record FaultOutcome(FaultKind kind, double atSeconds, boolean seen, boolean recovered, double recoverySeconds, String detail) {
}
