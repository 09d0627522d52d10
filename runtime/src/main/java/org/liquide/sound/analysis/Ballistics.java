package org.liquide.sound.analysis;

/**
 * A meter's ballistics: follows a rising value with the attack time and a falling one with the release
 * time (one-pole smoothing, time constants in seconds), as level meters and envelope followers do.
 */
final class Ballistics {
    private final double attackSeconds;
    private final double releaseSeconds;
    private double value;
    private boolean started;

    Ballistics(double attackSeconds, double releaseSeconds) {
        this.attackSeconds = attackSeconds;
        this.releaseSeconds = releaseSeconds;
    }

    double update(double input, double dtSeconds) {
        if (!started) {
            started = true;
            value = input;
            return value;
        }
        double tau = input > value ? attackSeconds : releaseSeconds;
        value += (input - value) * (1 - Math.exp(-dtSeconds / tau));
        return value;
    }

    double value() {
        return value;
    }
}
