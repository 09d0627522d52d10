package org.liquide.show.status;

/**
 * A generator feeding a layer.
 *
 * @param state          "running", "fallback" (the built-in one replaces a failed model), "stopped"
 * @param latencyMillis  camera capture to result shown
 * @param skipRatio      share of inputs the similarity filter skipped (the energy saved)
 * @param deviceWarning  the model runs on a slower execution provider than asked for, and why; null if not
 */
public record GeneratorStatus(String layer, String model, String device, String state, double framesPerSecond,
                              double latencyMillis, long skippedInputs, double skipRatio, String lastError,
                              String deviceWarning) {
}
