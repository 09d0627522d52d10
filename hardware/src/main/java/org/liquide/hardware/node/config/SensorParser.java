package org.liquide.hardware.node.config;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlMapping;

import org.liquide.hardware.wire.Names;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        SensorWiring wiring = new SensorWiring(map, where, problems);
        SensorOptions settings = new SensorOptions(map, options.orElse(null), problems);
        var pins = new ArrayList<PinUse>();
        Optional<I2cUse> i2c = t.onI2c() ? Optional.of(wiring.i2c(t)) : Optional.empty();
        SensorConfig config = switch (t) {
            case PIR -> new PirConfig(name, rate, wiring.pin("pin", pins),
                    settings.millis("debounce_ms", PirConfig.DEFAULT_DEBOUNCE, 0, 1000),
                    settings.millis("hold_ms", PirConfig.DEFAULT_HOLD, 0, 60_000));
            case BUTTON -> new ButtonConfig(name, rate, wiring.pin("pin", pins),
                    settings.bool("active_low", true), settings.pull(),
                    settings.millis("debounce_ms", ButtonConfig.DEFAULT_DEBOUNCE, 0, 500));
            case HCSR04 -> new HcSr04Config(name, rate, wiring.pin("trigger_pin", pins),
                    wiring.pin("echo_pin", pins), settings.hcSr04Settings());
            case VL53L0X -> new Vl53l0xConfig(name, rate, i2c.orElseThrow().address());
            case VL53L1X -> new Vl53l1xConfig(name, rate, i2c.orElseThrow().address(),
                    settings.millis("period_ms", Vl53l1xConfig.DEFAULT_PERIOD, 20, 10_000));
            case MPR121 -> settings.mpr121(name, rate, i2c.orElseThrow().address());
            case ADS1115 -> new Ads1115Config(name, rate, i2c.orElseThrow().address(), settings.channels(),
                    settings.gain(), settings.dataRate());
            case BH1750 -> new Bh1750Config(name, rate, i2c.orElseThrow().address(), settings.bh1750Mode());
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
        rateAt.ifPresent(at -> new SensorRateCheck(problems).check(config, at));
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
}
