package org.liquide.hardware.node.config;

import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigPath;
import org.liquide.config.YamlDocument;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;

import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.wire.Names;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads node files (YAML). Every error is reported at once, each as {@code file:line:col: message} saying what
 * was expected; see {@code hardware/README.md} and {@code showcase-config/nodes/} for the format.
 *
 * <pre>
 * node: entree
 * broker: tcp://render.local:1883
 * sensors:
 *   - name: distance
 *     type: vl53l1x
 *     bus: 1
 *     address: 0x29
 *     rate_hz: 10
 *     options:
 *       period_ms: 100
 * </pre>
 * Optional: {@code broker_credentials} (the node account's file, {@code user:password}, mode 0600) and
 * {@code broker_ca} (the CA certificate for an {@code mqtts://} broker); relative paths are relative to the file.
 */
public final class NodeFiles {
    private static final List<String> TOP_LEVEL_KEYS = List.of("node", "broker", "broker_credentials", "broker_ca", "sensors");
    private static final String EXPECTED = "'node:', 'broker:' and 'sensors:'";

    private NodeFiles() {
    }

    /** Reads and checks a node file. */
    public static NodeFileResult load(Path file) {
        Problems problems = new Problems(file.toString());
        return check(YamlDocument.read(file, problems, EXPECTED), problems, file.toAbsolutePath().getParent());
    }

    /** The errors of a node file; empty when it is valid. What the runtime's {@code validate} command calls. */
    public static List<ConfigError> validate(Path file) {
        return switch (load(file)) {
            case NodeFileResult.Valid valid -> List.of();
            case NodeFileResult.Invalid invalid -> invalid.errors();
        };
    }

    /** Reads node-file text; {@code fileName} is what the errors are located in. */
    public static NodeFileResult parse(String fileName, String yaml) {
        Problems problems = new Problems(fileName);
        return check(YamlDocument.parse(yaml, problems, EXPECTED), problems, Path.of("").toAbsolutePath());
    }

    private static NodeFileResult check(Optional<Node> root, Problems problems, Path base) {
        if (root.isEmpty()) {
            return new NodeFileResult.Invalid(problems.inFileOrder());
        }
        Optional<NodeConfig> config = new FileReader(problems, base).read(root.get());
        if (problems.any() || config.isEmpty()) {
            return new NodeFileResult.Invalid(problems.inFileOrder());
        }
        return new NodeFileResult.Valid(config.get());
    }

    /** The top level and the checks across sensors. */
    private static final class FileReader {
        private final Problems problems;
        private final Path base;

        FileReader(Problems problems, Path base) {
            this.problems = problems;
            this.base = base;
        }

        Optional<NodeConfig> read(Node root) {
            Optional<YamlMapping> maybeTop = YamlMapping.of(root, "a node file",
                    "a mapping with 'node', 'broker' and 'sensors'", problems);
            if (maybeTop.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping top = maybeTop.get();
            Optional<String> node = top.require("node", "the node's name, e.g. node: entree").flatMap(this::nodeName);
            Optional<BrokerAddress> broker = top.require("broker", "the MQTT broker, e.g. broker: tcp://render.local:1883")
                    .flatMap(this::broker);
            Optional<Path> credentials = top.get("broker_credentials").flatMap(n -> ConfigPath.read(n, "broker_credentials", base, problems));
            Optional<Path> ca = top.get("broker_ca").flatMap(n -> ConfigPath.read(n, "broker_ca", base, problems));
            List<SensorParser.Parsed> sensors = top.require("sensors", "a list of sensors")
                    .map(this::sensors).orElse(List.of());
            top.rejectUnknown(TOP_LEVEL_KEYS);
            checkAcrossSensors(sensors);
            if (problems.any() || node.isEmpty() || broker.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new NodeConfig(node.get(), broker.get(),
                    sensors.stream().map(SensorParser.Parsed::config).toList(), new BrokerSecurity(credentials, ca)));
        }

        private Optional<String> nodeName(Node at) {
            Optional<String> name = Scalars.text(at, "node", "the node's name, e.g. entree", problems);
            if (name.isPresent() && !Names.isValid(name.get())) {
                problems.at(at, "node name '" + name.get() + "' is invalid: " + Names.rule());
                return Optional.empty();
            }
            return name;
        }

        private Optional<BrokerAddress> broker(Node at) {
            String expectation = "a URL like tcp://render.local:1883";
            Optional<String> text = Scalars.text(at, "broker", expectation, problems);
            Optional<BrokerAddress> broker = text.flatMap(BrokerAddress::parse);
            if (text.isPresent() && broker.isEmpty()) {
                problems.at(at, "'broker' must be " + expectation + ", got " + text.get());
            }
            return broker;
        }

        private List<SensorParser.Parsed> sensors(Node at) {
            if (!(at instanceof SequenceNode list)) {
                problems.at(at, "'sensors' must be a list of sensors (each starting with '- name:'), not "
                        + Scalars.describe(at));
                return List.of();
            }
            if (list.getValue().isEmpty()) {
                problems.at(at, "'sensors' is empty: a node needs at least one sensor");
                return List.of();
            }
            SensorParser parser = new SensorParser(problems);
            var parsed = new ArrayList<SensorParser.Parsed>();
            for (int i = 0; i < list.getValue().size(); i++) {
                parser.parse(list.getValue().get(i), i).ifPresent(parsed::add);
            }
            return parsed;
        }

        private void checkAcrossSensors(List<SensorParser.Parsed> sensors) {
            Map<String, SensorParser.Parsed> names = new HashMap<>();
            Map<Integer, SensorParser.PinUse> pins = new HashMap<>();
            Map<I2cAddress, SensorParser.Parsed> addresses = new HashMap<>();
            Map<Integer, SensorParser.Parsed> busUsers = new HashMap<>();
            for (SensorParser.Parsed sensor : sensors) {
                String name = sensor.config().name();
                SensorParser.Parsed first = names.putIfAbsent(name, sensor);
                if (first != null && sensor.nameAt().isPresent()) {
                    problems.at(sensor.nameAt().get(), "two sensors are named '" + name + "' (first at line "
                            + line(first.nameAt()) + "); names must be unique within a node");
                }
                sensor.i2c().ifPresent(use -> {
                    SensorParser.Parsed other = addresses.putIfAbsent(use.address(), sensor);
                    if (other != null) {
                        problems.at(use.at(), use.address() + " is already used by sensor '"
                                + other.config().name() + "'");
                    }
                    busUsers.putIfAbsent(use.address().bus(), sensor);
                });
                for (SensorParser.PinUse pin : sensor.pins()) {
                    SensorParser.PinUse other = pins.putIfAbsent(pin.pin(), pin);
                    if (other != null) {
                        problems.at(pin.at(), "GPIO " + pin.pin() + " is already used by " + other.role());
                    }
                }
            }
            SensorParser.Parsed onBus1 = busUsers.get(1);
            if (onBus1 != null) {
                for (SensorParser.PinUse pin : pins.values()) {
                    if (pin.pin() == 2 || pin.pin() == 3) {
                        problems.at(pin.at(), "GPIO " + pin.pin() + " is I2C bus 1's " + (pin.pin() == 2 ? "SDA" : "SCL")
                                + ", used by sensor '" + onBus1.config().name() + "'");
                    }
                }
            }
        }

        private static int line(Optional<Node> node) {
            return node.flatMap(Node::getStartMark).map(m -> m.getLine() + 1).orElse(0);
        }
    }
}
