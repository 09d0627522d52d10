package org.liquide.signal.filter;

/** Shapes of a range remap, applied to t in [0,1]. */
public enum Curve {
    LINEAR("linear"),
    /** Smoothstep: gentle at both ends. */
    SMOOTH("smooth"),
    /** Slow start (t²). */
    EASE_IN("ease-in"),
    /** Slow end. */
    EASE_OUT("ease-out"),
    /** t^gamma, gamma given with the curve. */
    GAMMA("gamma");

    private final String configName;

    Curve(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static java.util.Optional<Curve> fromConfigName(String name) {
        for (Curve curve : values()) {
            if (curve.configName.equals(name)) {
                return java.util.Optional.of(curve);
            }
        }
        return java.util.Optional.empty();
    }

    double shape(double t, double gamma) {
        return switch (this) {
            case LINEAR -> t;
            case SMOOTH -> t * t * (3 - 2 * t);
            case EASE_IN -> t * t;
            case EASE_OUT -> 1 - (1 - t) * (1 - t);
            case GAMMA -> Math.pow(t, gamma);
        };
    }
}
