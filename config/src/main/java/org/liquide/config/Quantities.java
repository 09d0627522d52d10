package org.liquide.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values with units, as people write them in configuration: durations ({@code 3s}, {@code 10m}), sizes ({@code 1280x720}). */
public final class Quantities {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|min|s|m|h)");
    private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?\\s*(?:ms|min|s|m|h)\\s*)+");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*[xX×]\\s*(\\d+)");

    private Quantities() {
    }

    /**
     * A duration in seconds: {@code 500ms}, {@code 3s}, {@code 2.5s}, {@code 10m}, {@code 1h}, combinations
     * such as {@code 1m30s}, or a bare number of seconds.
     */
    public static OptionalDouble seconds(Node node, String key, double min, double max, Problems problems) {
        Optional<String> text = Scalars.scalar(node);
        if (text.isPresent()) {
            OptionalDouble parsed = parseSeconds(text.get().trim());
            if (parsed.isPresent()) {
                double seconds = parsed.getAsDouble();
                if (seconds >= min && seconds <= max) {
                    return OptionalDouble.of(seconds);
                }
                problems.at(node, "'" + key + "' must be between " + format(min) + " and " + format(max) + ", got " + text.get());
                return OptionalDouble.empty();
            }
        }
        problems.at(node, "'" + key + "' must be a duration such as 500ms, 3s, 1m30s, 10m or 1h, not " + Scalars.describe(node));
        return OptionalDouble.empty();
    }

    /** Seconds in a duration text, or empty when it is not one. */
    public static OptionalDouble parseSeconds(String text) {
        if (NUMBER.matcher(text).matches()) {
            return OptionalDouble.of(Double.parseDouble(text));
        }
        if (!DURATION.matcher(text).matches()) {
            return OptionalDouble.empty();
        }
        double seconds = 0;
        Matcher part = DURATION_PART.matcher(text);
        while (part.find()) {
            double value = Double.parseDouble(part.group(1));
            seconds += switch (part.group(2)) {
                case "ms" -> value / 1000;
                case "m", "min" -> value * 60;
                case "h" -> value * 3600;
                default -> value;
            };
        }
        return OptionalDouble.of(seconds);
    }

    /** A size {@code WIDTHxHEIGHT} in pixels, each side within [min, max]. */
    public static Optional<int[]> size(Node node, String key, int min, int max, Problems problems) {
        Optional<String> text = Scalars.scalar(node);
        if (text.isPresent()) {
            Matcher m = SIZE.matcher(text.get().trim());
            if (m.matches()) {
                int width = Integer.parseInt(m.group(1));
                int height = Integer.parseInt(m.group(2));
                if (width >= min && width <= max && height >= min && height <= max) {
                    return Optional.of(new int[]{width, height});
                }
                problems.at(node, "'" + key + "' sides must be " + min + " to " + max + " pixels, got " + text.get());
                return Optional.empty();
            }
        }
        problems.at(node, "'" + key + "' must be a size such as 1280x720, not " + Scalars.describe(node));
        return Optional.empty();
    }

    private static String format(double seconds) {
        return seconds >= 3600 && seconds % 3600 == 0 ? (long) (seconds / 3600) + "h"
                : seconds >= 60 && seconds % 60 == 0 ? (long) (seconds / 60) + "m"
                : seconds == Math.rint(seconds) ? (long) seconds + "s" : seconds + "s";
    }
}
