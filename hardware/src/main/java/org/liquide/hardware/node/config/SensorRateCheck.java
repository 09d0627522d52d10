package org.liquide.hardware.node.config;

import org.liquide.config.Problems;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.Locale;

/** Refuses a {@code rate_hz} faster than the sensor can deliver fresh readings, saying why. */
final class SensorRateCheck {
    private final Problems problems;

    SensorRateCheck(Problems problems) {
        this.problems = problems;
    }

    /** The fastest rate each sensor can deliver fresh readings at, with the reason. */
    void check(SensorConfig config, Node at) {
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
}
