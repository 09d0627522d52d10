package org.liquide.hardware.node.config;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;
import java.util.Optional;

/** Where a sensor is wired: its GPIO pins (BCM numbering) or its I2C bus and address, checked against its type. */
final class SensorWiring {
    static final int MAX_BCM_PIN = 27;

    private final YamlMapping map;
    private final String where;
    private final Problems problems;

    SensorWiring(YamlMapping map, String where, Problems problems) {
        this.map = map;
        this.where = where;
        this.problems = problems;
    }

    int pin(String key, List<SensorParser.PinUse> pins) {
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
        pins.add(new SensorParser.PinUse(pin.getAsInt(), where + " " + key, at.get()));
        return pin.getAsInt();
    }

    SensorParser.I2cUse i2c(SensorType type) {
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
        return new SensorParser.I2cUse(new I2cAddress(bus, address), addressAt);
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
