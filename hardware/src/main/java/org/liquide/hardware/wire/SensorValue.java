package org.liquide.hardware.wire;

import java.util.Arrays;

/**
 * The {@code v} of a reading: a number, a boolean, or an array of numbers. Numbers are always finite and
 * within {@link #MAX_MAGNITUDE}; an array holds at most {@link #MAX_ARRAY_LENGTH} numbers.
 */
public sealed interface SensorValue permits SensorValue.Scalar, SensorValue.Flag, SensorValue.Vector {
    /** Larger than any quantity a sensor of this project measures (lux, millimetres, volts...). */
    double MAX_MAGNITUDE = 1e9;
    /** MPR121 needs 12; anything far beyond that is a bug or an attack. */
    int MAX_ARRAY_LENGTH = 64;

    static Scalar of(double value) {
        return new Scalar(value);
    }

    static Flag of(boolean value) {
        return new Flag(value);
    }

    static Vector of(double... values) {
        return new Vector(values);
    }

    /** Whether a number may travel on the wire. */
    static boolean isAcceptable(double value) {
        return Double.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;
    }

    record Scalar(double value) implements SensorValue {
        public Scalar {
            requireAcceptable(value);
        }
    }

    record Flag(boolean value) implements SensorValue {
    }

    /** An array of numbers; the array is copied in and out, so a Vector never changes. */
    record Vector(double[] values) implements SensorValue {
        public Vector {
            if (values.length > MAX_ARRAY_LENGTH) {
                throw new IllegalArgumentException("array of " + values.length + " numbers; at most "
                        + MAX_ARRAY_LENGTH + " allowed");
            }
            values = values.clone();
            for (double v : values) {
                requireAcceptable(v);
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public int length() {
            return values.length;
        }

        public double get(int index) {
            return values[index];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Vector other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Vector" + Arrays.toString(values);
        }
    }

    private static void requireAcceptable(double value) {
        if (!isAcceptable(value)) {
            throw new IllegalArgumentException("value " + value + " is not finite or exceeds " + MAX_MAGNITUDE);
        }
    }
}
