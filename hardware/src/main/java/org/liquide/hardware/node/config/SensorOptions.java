package org.liquide.hardware.node.config;

import com.pi4j.io.gpio.digital.PullResistance;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlMapping;
import org.liquide.hardware.driver.Ads1115;
import org.liquide.hardware.driver.Bh1750;
import org.liquide.hardware.driver.HcSr04;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The {@code options:} of a sensor, by its type, each with its default when absent or invalid. */
final class SensorOptions {
    private final YamlMapping map;
    private final YamlMapping options;
    private final Problems problems;

    /** {@code options} null when the sensor has none: every option takes its default. */
    SensorOptions(YamlMapping map, YamlMapping options, Problems problems) {
        this.map = map;
        this.options = options;
        this.problems = problems;
    }

    private Optional<Node> option(String key) {
        return options == null ? Optional.empty() : options.get(key);
    }

    Duration millis(String key, Duration fallback, int min, int max) {
        return option(key).map(n -> Scalars.integer(n, key, min, max,
                "a number of milliseconds from " + min + " to " + max, problems))
                .filter(v -> v.isPresent()).map(v -> Duration.ofMillis(v.getAsInt())).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
        return option(key).flatMap(n -> Scalars.bool(n, key, problems)).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max, String expectation) {
        return option(key).map(n -> Scalars.integer(n, key, min, max, expectation, problems).orElse(fallback))
                .orElse(fallback);
    }

    double number(String key, double fallback, double min, double max, String expectation) {
        return option(key).map(n -> Scalars.number(n, key, min, max, expectation, problems).orElse(fallback))
                .orElse(fallback);
    }

    PullResistance pull() {
        Optional<Node> at = option("pull");
        if (at.isEmpty()) {
            return PullResistance.PULL_UP;
        }
        Optional<String> text = Scalars.text(at.get(), "pull", "up, down or off", problems);
        return switch (text.orElse("")) {
            case "up" -> PullResistance.PULL_UP;
            case "down" -> PullResistance.PULL_DOWN;
            case "off" -> PullResistance.OFF;
            default -> {
                text.ifPresent(t -> problems.at(at.get(), "'pull' must be up, down or off, got " + t));
                yield PullResistance.PULL_UP;
            }
        };
    }

    HcSr04.Settings hcSr04Settings() {
        HcSr04.Settings d = HcSr04.Settings.DEFAULT;
        return new HcSr04.Settings(
                integer("samples", d.samples(), 1, 15, "a number of pings from 1 to 15"),
                millis("ping_interval_ms", d.pingInterval(), 30, 1000),
                number("max_mm", d.maxMillimetres(), 100, 4500, "a distance in millimetres from 100 to 4500"),
                number("temperature_c", d.temperatureCelsius(), -20, 50, "the air temperature, -20 to 50 °C"));
    }

    Mpr121Config mpr121(String name, double rate, I2cAddress address) {
        int touch = integer("touch_threshold", Mpr121Config.DEFAULT_TOUCH_THRESHOLD, 1, 255,
                "a threshold from 1 to 255");
        int release = integer("release_threshold", Math.min(Mpr121Config.DEFAULT_RELEASE_THRESHOLD, touch - 1),
                0, 254, "a threshold from 0 to 254");
        if (release >= touch) {
            problems.at(option("release_threshold").orElse(map.node()), "'release_threshold' (" + release
                    + ") must be below 'touch_threshold' (" + touch + ")");
            release = touch - 1;
        }
        return new Mpr121Config(name, rate, address, touch, release);
    }

    List<Integer> channels() {
        Optional<Node> at = option("channels");
        if (at.isEmpty()) {
            return List.of(0);
        }
        if (!(at.get() instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.at(at.get(), "'channels' must be a list of AIN inputs such as [0, 1], not "
                    + Scalars.describe(at.get()));
            return List.of(0);
        }
        var channels = new ArrayList<Integer>();
        for (Node item : list.getValue()) {
            var channel = Scalars.integer(item, "channels", 0, 3, "an input from 0 to 3 (AIN0..AIN3)", problems);
            if (channel.isPresent()) {
                if (channels.contains(channel.getAsInt())) {
                    problems.at(item, "channel " + channel.getAsInt() + " is listed twice");
                } else {
                    channels.add(channel.getAsInt());
                }
            }
        }
        return channels.isEmpty() ? List.of(0) : channels;
    }

    Ads1115.Gain gain() {
        Optional<Node> at = option("full_scale_v");
        if (at.isEmpty()) {
            return Ads1115.Gain.FSR_4_096;
        }
        String ranges = "one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256";
        OptionalDouble volts = Scalars.number(at.get(), "full_scale_v", 0, 10, ranges, problems);
        if (volts.isEmpty()) {
            return Ads1115.Gain.FSR_4_096;
        }
        try {
            return Ads1115.Gain.forFullScale(volts.getAsDouble());
        } catch (IllegalArgumentException e) {
            problems.at(at.get(), "'full_scale_v' must be " + ranges + " volts, got " + volts.getAsDouble());
            return Ads1115.Gain.FSR_4_096;
        }
    }

    Ads1115.DataRate dataRate() {
        Optional<Node> at = option("data_rate_sps");
        if (at.isEmpty()) {
            return Ads1115.DataRate.SPS_128;
        }
        String rates = "one of 8, 16, 32, 64, 128, 250, 475, 860";
        var sps = Scalars.integer(at.get(), "data_rate_sps", 1, 1000, rates, problems);
        if (sps.isEmpty()) {
            return Ads1115.DataRate.SPS_128;
        }
        try {
            return Ads1115.DataRate.forSamplesPerSecond(sps.getAsInt());
        } catch (IllegalArgumentException e) {
            problems.at(at.get(), "'data_rate_sps' must be " + rates + ", got " + sps.getAsInt());
            return Ads1115.DataRate.SPS_128;
        }
    }

    Bh1750.Mode bh1750Mode() {
        Optional<Node> at = option("mode");
        List<String> modes = Arrays.stream(Bh1750.Mode.values())
                .map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
        if (at.isEmpty()) {
            return Bh1750.Mode.CONTINUOUS_HIGH_RES;
        }
        Optional<String> text = Scalars.text(at.get(), "mode", "one of " + String.join(", ", modes), problems);
        if (text.isPresent() && modes.contains(text.get())) {
            return Bh1750.Mode.valueOf(text.get().toUpperCase(Locale.ROOT));
        }
        text.ifPresent(t -> problems.at(at.get(), "'mode' must be one of " + String.join(", ", modes) + ", got "
                + t + Suggestions.closest(t, modes).map(c -> " (did you mean '" + c + "'?)").orElse("")));
        return Bh1750.Mode.CONTINUOUS_HIGH_RES;
    }
}
