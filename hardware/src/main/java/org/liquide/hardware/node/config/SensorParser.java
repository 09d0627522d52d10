package org.liquide.hardware.node.config;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlMapping;

import com.pi4j.io.gpio.digital.PullResistance;
import org.liquide.hardware.driver.Ads1115;
import org.liquide.hardware.driver.Bh1750;
import org.liquide.hardware.driver.HcSr04;
import org.liquide.hardware.wire.Names;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads one entry of {@code sensors:}. Invalid or missing values are reported and replaced by a default so
 * that reading goes on and every error of the file is found; the file is only accepted when none was.
 */
final class SensorParser {
    /** A sensor with the positions the node-wide checks (names, pins, addresses) point at. */
    record Parsed(SensorConfig config, Optional<Node> nameAt, List<PinUse> pins, Optional<I2cUse> i2c) {
    }

    record PinUse(int pin, String role, Node at) {
    }

    record I2cUse(I2cAddress address, Node at) {
    }

    static final int MAX_BCM_PIN = 27;

    private final Problems problems;

    SensorParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Parsed> parse(Node item, int index) {
        String placeholder = "sensor-" + (index + 1);
        Optional<YamlMapping> maybeMap = YamlMapping.of(item, "sensor #" + (index + 1),
                "a mapping with name, type, rate_hz and its wiring", problems);
        if (maybeMap.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybeMap.get();
        Optional<Node> nameAt = map.require("name", "a name such as 'distance' (" + Names.rule() + ")");
        String name = nameAt.flatMap(this::sensorName).orElse(placeholder);
        String where = nameAt.isPresent() && !name.equals(placeholder) ? "sensor '" + name + "'" : "sensor #" + (index + 1);
        map.describeAs(where);

        Optional<SensorType> type = map.require("type", "one of " + String.join(", ", SensorType.keys()))
                .flatMap(this::sensorType);
        Optional<Node> rateAt = map.require("rate_hz", "readings per second, e.g. rate_hz: 10");
        double rate = rateAt.map(n -> Scalars.number(n, "rate_hz", 0.01, 1000,
                "a number of readings per second from 0.01 to 1000", problems).orElse(1)).orElse(1.0);
        Optional<YamlMapping> options = map.get("options").flatMap(n -> YamlMapping.of(n,
                "the options of " + where, "a mapping of option: value", problems));

        if (type.isEmpty()) {
            var anyKey = new ArrayList<String>();
            for (SensorType t : SensorType.values()) {
                t.sensorKeys().stream().filter(k -> !anyKey.contains(k)).forEach(anyKey::add);
            }
            map.rejectUnknown(anyKey);
            return Optional.empty();
        }
        SensorType t = type.get();
        Reader reader = new Reader(map, options.orElse(null), where);
        var pins = new ArrayList<PinUse>();
        Optional<I2cUse> i2c = t.onI2c() ? Optional.of(reader.i2c(t)) : Optional.empty();
        SensorConfig config = switch (t) {
            case PIR -> new PirConfig(name, rate, reader.pin("pin", pins),
                    reader.millis("debounce_ms", PirConfig.DEFAULT_DEBOUNCE, 0, 1000),
                    reader.millis("hold_ms", PirConfig.DEFAULT_HOLD, 0, 60_000));
            case BUTTON -> new ButtonConfig(name, rate, reader.pin("pin", pins),
                    reader.bool("active_low", true), reader.pull(),
                    reader.millis("debounce_ms", ButtonConfig.DEFAULT_DEBOUNCE, 0, 500));
            case HCSR04 -> new HcSr04Config(name, rate, reader.pin("trigger_pin", pins),
                    reader.pin("echo_pin", pins), reader.hcSr04Settings());
            case VL53L0X -> new Vl53l0xConfig(name, rate, i2c.orElseThrow().address());
            case VL53L1X -> new Vl53l1xConfig(name, rate, i2c.orElseThrow().address(),
                    reader.millis("period_ms", Vl53l1xConfig.DEFAULT_PERIOD, 20, 10_000));
            case MPR121 -> reader.mpr121(name, rate, i2c.orElseThrow().address());
            case ADS1115 -> new Ads1115Config(name, rate, i2c.orElseThrow().address(), reader.channels(),
                    reader.gain(), reader.dataRate());
            case BH1750 -> new Bh1750Config(name, rate, i2c.orElseThrow().address(), reader.bh1750Mode());
        };
        map.rejectUnknown(t.sensorKeys(), key -> t.optionKeys().contains(key)
                ? Optional.of("'" + key + "' is an option of a " + t.key() + ": put it under 'options:'")
                : Optional.empty());
        options.ifPresent(o -> {
            if (t.optionKeys().isEmpty()) {
                o.rejectUnknown(List.of(), key -> Optional.of("a " + t.key() + " has no options"));
            } else {
                o.rejectUnknown(t.optionKeys(), key -> t.sensorKeys().contains(key)
                        ? Optional.of("'" + key + "' belongs directly in the sensor, not under 'options:'")
                        : Optional.empty());
            }
        });
        rateAt.ifPresent(at -> checkRate(config, at));
        return Optional.of(new Parsed(config, nameAt, pins, i2c));
    }

    private Optional<String> sensorName(Node node) {
        Optional<String> name = Scalars.text(node, "name", "a name such as 'distance'", problems);
        if (name.isPresent() && !Names.isValid(name.get())) {
            problems.at(node, "sensor name '" + name.get() + "' is invalid: " + Names.rule());
            return Optional.empty();
        }
        return name;
    }

    private Optional<SensorType> sensorType(Node node) {
        Optional<String> text = Scalars.text(node, "type", "one of " + String.join(", ", SensorType.keys()), problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<SensorType> type = SensorType.byKey(text.get());
        if (type.isEmpty()) {
            problems.at(node, "unknown sensor type '" + text.get() + "'; expected one of "
                    + String.join(", ", SensorType.keys())
                    + Suggestions.closest(text.get(), SensorType.keys()).map(c -> " (did you mean '" + c + "'?)").orElse(""));
        }
        return type;
    }

    /** The fastest rate each sensor can deliver fresh readings at, with the reason. */
    private void checkRate(SensorConfig config, Node at) {
        record Limit(double hz, String why) {
        }
        Limit limit = switch (config) {
            case PirConfig p -> new Limit(200, "GPIO sampling is capped at 200 Hz");
            case ButtonConfig b -> new Limit(200, "GPIO sampling is capped at 200 Hz");
            case HcSr04Config h -> new Limit(1000.0 / (h.settings().samples() * h.settings().pingInterval().toMillis()),
                    h.settings().samples() + " pings " + h.settings().pingInterval().toMillis() + " ms apart per reading");
            case Vl53l0xConfig v -> new Limit(25, "a measurement takes ~33 ms plus I2C time");
            case Vl53l1xConfig v -> new Limit(1000.0 / v.period().toMillis(), "the chip measures every "
                    + v.period().toMillis() + " ms (options: period_ms)");
            case Mpr121Config m -> new Limit(100, "the chip updates its status every ~16 ms");
            case Ads1115Config a -> new Limit(1000.0 / (a.channels().size() * (1100.0 / a.dataRate().samplesPerSecond() + 1)),
                    a.channels().size() + " conversion(s) at " + a.dataRate().samplesPerSecond() + " samples/s per reading");
            case Bh1750Config b -> new Limit(1000.0 / b.mode().maxMillis(), "a measurement takes up to "
                    + b.mode().maxMillis() + " ms in " + b.mode().name().toLowerCase(Locale.ROOT));
        };
        if (config.rateHz() > limit.hz() + 1e-9) {
            problems.at(at, String.format(Locale.ROOT, "rate_hz %s is too fast for a %s: at most %.1f (%s)",
                    trim(config.rateHz()), config.type().key(), Math.floor(limit.hz() * 10) / 10, limit.why()));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Reads the wiring keys of a sensor and the options of its type, with defaults for what is absent. */
    private final class Reader {
        private final YamlMapping map;
        private final YamlMapping options;
        private final String where;

        Reader(YamlMapping map, YamlMapping options, String where) {
            this.map = map;
            this.options = options;
            this.where = where;
        }

        private Optional<Node> option(String key) {
            return options == null ? Optional.empty() : options.get(key);
        }

        int pin(String key, List<PinUse> pins) {
            Optional<Node> at = map.require(key, "the GPIO number (BCM numbering) the " + key.replace('_', ' ')
                    + " is wired to, e.g. " + key + ": 17");
            if (at.isEmpty()) {
                return -1;
            }
            var pin = Scalars.integer(at.get(), key, 0, MAX_BCM_PIN,
                    "a GPIO number from 2 to 27 (BCM numbering, not the header's physical pin number)", problems);
            if (pin.isEmpty()) {
                return -1;
            }
            if (pin.getAsInt() < 2) {
                problems.at(at.get(), "GPIO " + pin.getAsInt() + " is reserved for the HAT identification EEPROM;"
                        + " use a GPIO from 4 to 27");
                return -1;
            }
            pins.add(new PinUse(pin.getAsInt(), where + " " + key, at.get()));
            return pin.getAsInt();
        }

        I2cUse i2c(SensorType type) {
            int bus = map.get("bus").map(n -> Scalars.integer(n, "bus", 0, 31,
                    "an I2C bus number (1 on the Pi's header)", problems).orElse(1)).orElse(1);
            Node addressAt = map.get("address").orElse(map.node());
            int fallback = defaultAddress(type);
            int address = map.get("address").map(n -> Scalars.integer(n, "address", 0x03, 0x77,
                    "a 7-bit I2C address such as 0x" + Integer.toHexString(fallback), problems).orElse(fallback))
                    .orElse(fallback);
            List<Integer> allowed = allowedAddresses(type);
            if (!allowed.contains(address)) {
                problems.at(addressAt, String.format("a %s answers at %s, not 0x%02X%s", type.key(),
                        String.join(" or ", allowed.stream().map(a -> String.format("0x%02X", a)).toList()),
                        address, type == SensorType.VL53L0X || type == SensorType.VL53L1X
                                ? " (changing it needs XSHUT wiring, which nodes do not support)" : ""));
                address = fallback;
            }
            return new I2cUse(new I2cAddress(bus, address), addressAt);
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
            List<String> modes = java.util.Arrays.stream(Bh1750.Mode.values())
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

    static int defaultAddress(SensorType type) {
        return allowedAddresses(type).getFirst();
    }

    static List<Integer> allowedAddresses(SensorType type) {
        return switch (type) {
            case VL53L0X, VL53L1X -> List.of(0x29);
            case MPR121 -> List.of(0x5A, 0x5B, 0x5C, 0x5D);
            case ADS1115 -> List.of(0x48, 0x49, 0x4A, 0x4B);
            case BH1750 -> List.of(0x23, 0x5C);
            default -> List.of();
        };
    }
}
