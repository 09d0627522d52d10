package org.liquide.hardware.sim.visitor;

/**
 * One visitor of a scripted scene: arrives, approaches the sensors from {@link #FAR_MILLIMETRES} to
 * {@code closestMillimetres}, lingers (swaying a little, maybe touching an electrode, standing on the pressure
 * pad, stepping on the foot switch), then leaves. Times are milliseconds from the start of the script.
 *
 * @param touchedElectrode the electrode touched in the middle of the linger, or -1
 */
public record Visitor(long arrivesAtMillis, long approachMillis, long lingerMillis, long leaveMillis,
                      double closestMillimetres, int touchedElectrode, boolean standsOnPad, boolean pressesSwitch) {
    /** Where a visitor enters and leaves the sensors' view. */
    public static final double FAR_MILLIMETRES = 4500;
    static final double SWAY_MILLIMETRES = 15;
    static final long SWITCH_MILLIS = 1500;

    public Visitor {
        if (approachMillis <= 0 || lingerMillis <= 0 || leaveMillis <= 0) {
            throw new IllegalArgumentException("each phase of a visit must last");
        }
        if (closestMillimetres < 50 || closestMillimetres >= FAR_MILLIMETRES) {
            throw new IllegalArgumentException("closest distance must be 50 to " + FAR_MILLIMETRES + " mm");
        }
        if (touchedElectrode < -1 || touchedElectrode > 11) {
            throw new IllegalArgumentException("electrode must be -1 (none) or 0 to 11");
        }
    }

    public enum Phase { ABSENT, APPROACHING, LINGERING, LEAVING }

    public long lingerStartsAt() {
        return arrivesAtMillis + approachMillis;
    }

    public long leavesAt() {
        return lingerStartsAt() + lingerMillis;
    }

    public long goneAt() {
        return leavesAt() + leaveMillis;
    }

    public Phase phaseAt(long millis) {
        if (millis < arrivesAtMillis || millis >= goneAt()) {
            return Phase.ABSENT;
        }
        if (millis < lingerStartsAt()) {
            return Phase.APPROACHING;
        }
        return millis < leavesAt() ? Phase.LINGERING : Phase.LEAVING;
    }

    /** The visitor's distance to the sensors; {@code +∞} when absent. */
    public double distanceAt(long millis) {
        return switch (phaseAt(millis)) {
            case ABSENT -> Double.POSITIVE_INFINITY;
            case APPROACHING -> interpolate(FAR_MILLIMETRES, closestMillimetres,
                    (double) (millis - arrivesAtMillis) / approachMillis);
            case LINGERING -> closestMillimetres
                    + SWAY_MILLIMETRES * Math.sin(2 * Math.PI * (millis - lingerStartsAt()) / 1700.0);
            case LEAVING -> interpolate(closestMillimetres, FAR_MILLIMETRES, (double) (millis - leavesAt()) / leaveMillis);
        };
    }

    /** Touching during the middle 60% of the linger. */
    public boolean touchingAt(long millis) {
        if (touchedElectrode < 0 || phaseAt(millis) != Phase.LINGERING) {
            return false;
        }
        double progress = (double) (millis - lingerStartsAt()) / lingerMillis;
        return progress >= 0.2 && progress < 0.8;
    }

    public boolean onPadAt(long millis) {
        return standsOnPad && phaseAt(millis) == Phase.LINGERING;
    }

    public boolean pressingSwitchAt(long millis) {
        return pressesSwitch && phaseAt(millis) == Phase.LINGERING && millis - lingerStartsAt() < SWITCH_MILLIS;
    }

    private static double interpolate(double from, double to, double progress) {
        return from + (to - from) * progress;
    }
}
