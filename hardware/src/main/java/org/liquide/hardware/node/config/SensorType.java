package org.liquide.hardware.node.config;

import java.util.List;
import java.util.Optional;

/** The sensors a node file can name in {@code type:}, with the keys and options each accepts. */
public enum SensorType {
    PIR("pir", List.of("pin"), List.of("debounce_ms", "hold_ms")),
    BUTTON("button", List.of("pin"), List.of("debounce_ms", "active_low", "pull")),
    HCSR04("hcsr04", List.of("trigger_pin", "echo_pin"),
            List.of("samples", "ping_interval_ms", "max_mm", "temperature_c")),
    VL53L0X("vl53l0x", List.of("bus", "address"), List.of()),
    VL53L1X("vl53l1x", List.of("bus", "address"), List.of("period_ms")),
    MPR121("mpr121", List.of("bus", "address"), List.of("touch_threshold", "release_threshold")),
    ADS1115("ads1115", List.of("bus", "address"), List.of("channels", "full_scale_v", "data_rate_sps")),
    BH1750("bh1750", List.of("bus", "address"), List.of("mode"));

    /** Keys every sensor has. */
    public static final List<String> COMMON_KEYS = List.of("name", "type", "rate_hz", "options");

    private final String key;
    private final List<String> wiringKeys;
    private final List<String> optionKeys;

    SensorType(String key, List<String> wiringKeys, List<String> optionKeys) {
        this.key = key;
        this.wiringKeys = wiringKeys;
        this.optionKeys = optionKeys;
    }

    /** The name written in {@code type:}. */
    public String key() {
        return key;
    }

    public List<String> sensorKeys() {
        var keys = new java.util.ArrayList<>(COMMON_KEYS);
        keys.addAll(wiringKeys);
        return List.copyOf(keys);
    }

    public List<String> optionKeys() {
        return optionKeys;
    }

    public boolean onI2c() {
        return wiringKeys.contains("address");
    }

    public static Optional<SensorType> byKey(String key) {
        for (SensorType type : values()) {
            if (type.key.equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(SensorType::key).toList();
    }
}
