package org.liquide.hardware.node.config;

import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.config.ConfigError;
import org.liquide.config.Suggestions;

import com.pi4j.io.gpio.digital.PullResistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.driver.Ads1115;
import org.liquide.hardware.driver.Bh1750;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeFilesTest {
    static final Path SHOWCASE = Path.of("..", "showcase-config", "nodes");

    static NodeConfig valid(NodeFileResult result) {
        return assertInstanceOf(NodeFileResult.Valid.class, result, () -> "errors: " + result).config();
    }

    static List<String> errors(String yaml) {
        NodeFileResult result = NodeFiles.parse("n.yaml", yaml);
        return assertInstanceOf(NodeFileResult.Invalid.class, result, () -> "valid: " + result).errors().stream()
                .map(ConfigError::toString).toList();
    }

    @Test
    void theShowcaseEntranceNodeLoads() {
        NodeConfig entree = valid(NodeFiles.load(SHOWCASE.resolve("entree.yaml")));
        assertEquals("entree", entree.node());
        assertEquals(new BrokerAddress("render.local", 1883), entree.broker());
        assertEquals(List.of(
                new PirConfig("presence", 10, 17, Duration.ofMillis(50), Duration.ofMillis(3000)),
                new Vl53l1xConfig("distance", 10, new I2cAddress(1, 0x29), Duration.ofMillis(100))), entree.sensors());
    }

    @Test
    void theShowcaseTableNodeLoads() {
        NodeConfig table = valid(NodeFiles.load(SHOWCASE.resolve("table.yaml")));
        assertEquals(List.of(
                new Mpr121Config("touch", 20, new I2cAddress(1, 0x5A), 12, 6),
                new Bh1750Config("light", 2, new I2cAddress(1, 0x23), Bh1750.Mode.CONTINUOUS_HIGH_RES)),
                table.sensors());
    }

    @Test
    void theShowcaseCorridorNodeLoads() {
        NodeConfig couloir = valid(NodeFiles.load(SHOWCASE.resolve("couloir.yaml")));
        assertEquals(List.of(
                new HcSr04Config("distance", 3, 23, 24,
                        new org.liquide.hardware.driver.HcSr04.Settings(5, Duration.ofMillis(60), 4000, 19)),
                new ButtonConfig("pedal", 50, 27, true, PullResistance.PULL_UP, Duration.ofMillis(30)),
                new Ads1115Config("pad", 10, new I2cAddress(1, 0x48), List.of(0), Ads1115.Gain.FSR_4_096,
                        Ads1115.DataRate.SPS_128)), couloir.sensors());
    }

    @Test
    void everyShowcaseNodeFileValidates() throws IOException {
        try (var files = Files.list(SHOWCASE)) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(yamls.size() >= 3);
            for (Path file : yamls) {
                assertEquals(List.of(), NodeFiles.validate(file), file.toString());
            }
        }
    }

    @Test
    void reportsEveryErrorAtOnceWithItsPosition() {
        String yaml = """
                node: Entree
                broker: http://render:1883
                colour: blue
                sensors:
                  - name: distance
                    type: vl53l1
                    adress: 0x29
                    rate_hz: 10
                  - name: presence
                    type: pir
                    pin: 2
                    rate_hz: 500
                    hold_ms: 100
                  - name: light
                    type: bh1750
                    address: 0x24
                    rate_hz: ten
                    options:
                      mode: continuous
                  - name: presence
                    type: button
                    pin: 2
                    rate_hz: 10
                    options: {debounce_ms: 20, active_low: yes}
                """;
        assertEquals(List.of(
                "n.yaml:1:7: node name 'Entree' is invalid: 1 to 32 characters among a-z, 0-9, '-' and '_',"
                        + " starting with a letter or digit",
                "n.yaml:2:9: 'broker' must be a URL like tcp://render.local:1883, got http://render:1883",
                "n.yaml:3:1: unknown key 'colour' in a node file; expected one of node, broker, broker_credentials, broker_ca, sensors",
                "n.yaml:6:11: unknown sensor type 'vl53l1'; expected one of pir, button, hcsr04, vl53l0x, vl53l1x,"
                        + " mpr121, ads1115, bh1750 (did you mean 'vl53l1x'?)",
                "n.yaml:7:5: unknown key 'adress' in sensor 'distance'; did you mean 'address'?",
                "n.yaml:11:10: GPIO 2 is I2C bus 1's SDA, used by sensor 'light'",
                "n.yaml:12:14: rate_hz 500 is too fast for a pir: at most 200.0 (GPIO sampling is capped at 200 Hz)",
                "n.yaml:13:5: unknown key 'hold_ms' in sensor 'presence': 'hold_ms' is an option of a pir:"
                        + " put it under 'options:'",
                "n.yaml:16:14: a bh1750 answers at 0x23 or 0x5C, not 0x24",
                "n.yaml:17:14: 'rate_hz' must be a number of readings per second from 0.01 to 1000, not \"ten\"",
                "n.yaml:19:13: 'mode' must be one of continuous_high_res, continuous_high_res_2, continuous_low_res,"
                        + " one_time_high_res, one_time_high_res_2, one_time_low_res, got continuous",
                "n.yaml:20:11: two sensors are named 'presence' (first at line 9); names must be unique within a node",
                "n.yaml:22:10: GPIO 2 is already used by sensor 'presence' pin",
                "n.yaml:24:44: 'active_low' must be true or false, not \"yes\""), errors(yaml));
    }

    @Test
    void missingKeysPointAtTheirMapping() {
        assertEquals(List.of(
                "n.yaml:1:1: missing 'broker' in a node file: expected the MQTT broker, e.g. broker:"
                        + " tcp://render.local:1883",
                "n.yaml:3:5: missing 'rate_hz' in sensor 'pedal': expected readings per second, e.g. rate_hz: 10",
                "n.yaml:3:5: missing 'pin' in sensor 'pedal': expected the GPIO number (BCM numbering) the pin is"
                        + " wired to, e.g. pin: 17"), errors("""
                node: couloir
                sensors:
                  - name: pedal
                    type: button
                """));
    }

    @Test
    void optionsAreCheckedPerSensorType() {
        assertEquals(List.of(
                "n.yaml:7:15: unknown key 'debounce' in the options of sensor 'pedal'; did you mean 'debounce_ms'?",
                "n.yaml:7:29: unknown key 'pin' in the options of sensor 'pedal': 'pin' belongs directly in the"
                        + " sensor, not under 'options:'",
                "n.yaml:12:15: unknown key 'period_ms' in the options of sensor 'tof': a vl53l0x has no options",
                "n.yaml:17:55: 'release_threshold' (12) must be below 'touch_threshold' (12)"), errors("""
                node: n
                broker: tcp://localhost
                sensors:
                  - name: pedal
                    type: button
                    pin: 27
                    options: {debounce: 20, pin: 3}
                    rate_hz: 50
                  - name: tof
                    type: vl53l0x
                    rate_hz: 10
                    options: {period_ms: 50}
                  - name: touch
                    type: mpr121
                    address: 90
                    rate_hz: 10
                    options: {touch_threshold: 12, release_threshold: 12}
                """));
    }

    @Test
    void sharedBusAddressesAndPinsAreCaught() {
        assertEquals(List.of(
                "n.yaml:11:14: bus 1 address 0x5A is already used by sensor 'touch'",
                "n.yaml:16:18: GPIO 17 is already used by sensor 'pir' pin",
                "n.yaml:17:14: rate_hz 5 is too fast for a hcsr04: at most 3.3 (5 pings 60 ms apart per reading)"),
                errors("""
                        node: n
                        broker: tcp://localhost:1883
                        sensors:
                          - {name: pir, type: pir, pin: 17, rate_hz: 10}
                          - name: touch
                            type: mpr121
                            address: 0x5A
                            rate_hz: 10
                          - name: touch2
                            type: mpr121
                            address: 0x5a
                            rate_hz: 10
                            bus: 1
                          - name: ranger
                            type: hcsr04
                            trigger_pin: 17
                            rate_hz: 5
                            echo_pin: 24
                        """));
    }

    @Test
    void duplicateKeysAreReported() {
        assertEquals(List.of("n.yaml:2:1: 'node' is given twice in a node file (first at line 1)"), errors("""
                node: a
                node: b
                broker: tcp://localhost
                sensors:
                  - {name: p, type: pir, pin: 4, rate_hz: 1}
                """));
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        List<String> errors = errors("node: a\nsensors:\n  - name: p\n\ttype: pir\n");
        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().startsWith("n.yaml:4:1: not valid YAML: "), errors.getFirst());
    }

    @Test
    void emptyAndMissingFiles(@TempDir Path dir) throws IOException {
        assertEquals(List.of("n.yaml:1:1: the file is empty: expected 'node:', 'broker:' and 'sensors:'"),
                errors("# nothing yet\n"));
        assertEquals(List.of("n.yaml:1:1: a node file must be a mapping with 'node', 'broker' and 'sensors',"
                + " not a list"), errors("- node: a\n"));
        Path missing = dir.resolve("nope.yaml");
        assertEquals(List.of(new ConfigError(missing.toString(), 1, 1, "no such file")), NodeFiles.validate(missing));
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "node: a\nbroker: tcp://10.0.0.2:1884\nsensors: [{name: p, type: pir, pin: 4, rate_hz: 1}]\n");
        assertEquals(List.of(), NodeFiles.validate(good));
        assertEquals(new BrokerAddress("10.0.0.2", 1884), valid(NodeFiles.load(good)).broker());
    }

    @Test
    void theBrokerAccountAndCaAreFilesRelativeToTheNodeFile(@TempDir Path dir) throws Exception {
        Path node = dir.resolve("pi/entree.yaml");
        Files.createDirectories(node.getParent());
        Files.writeString(node, "node: entree\nbroker: mqtts://render.local\nbroker_credentials: credentials/node-entree\n"
                + "broker_ca: /etc/liquide/tls/ca.crt\nsensors: [{name: p, type: pir, pin: 4, rate_hz: 1}]\n");
        NodeConfig config = valid(NodeFiles.load(node));
        assertEquals(dir.resolve("pi/credentials/node-entree").toAbsolutePath(), config.security().credentialsFile().orElseThrow());
        assertEquals(Path.of("/etc/liquide/tls/ca.crt"), config.security().caFile().orElseThrow());
        assertTrue(config.broker().tls());
    }

    @Test
    void brokerUrls() {
        assertEquals(new BrokerAddress("render.local", 1883), BrokerAddress.parse("tcp://render.local").orElseThrow());
        assertEquals(new BrokerAddress("127.0.0.1", 1884), BrokerAddress.parse("tcp://127.0.0.1:1884").orElseThrow());
        assertEquals(new BrokerAddress("render.local", 8883, true), BrokerAddress.parse("mqtts://render.local").orElseThrow());
        assertEquals("mqtts://10.0.0.2:9883", BrokerAddress.parse("mqtts://10.0.0.2:9883").orElseThrow().toString());
        for (String bad : new String[]{"render.local:1883", "mqtt://render:1883", "tcp://", "tcp://host:99999",
                "tcp://host:1883/path", "tcp://user@host:1883", ""}) {
            assertTrue(BrokerAddress.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void suggestionsCatchTyposButNotNonsense() {
        assertEquals("address", Suggestions.closest("adress", List.of("name", "address", "bus")).orElseThrow());
        assertEquals("rate_hz", Suggestions.closest("rate_zh", List.of("rate_hz", "name")).orElseThrow());
        assertTrue(Suggestions.closest("colour", List.of("node", "broker", "sensors")).isEmpty());
    }
}
