package org.liquide.midi;

import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code midi}: {@code controllers} (a name each, with the device name's part to look for, or
 * {@code {device, channel}}) and {@code out} ({@code device}, {@code channel}, {@code programs} per scene).
 */
public final class MidiConfigReader {
    private final Problems problems;

    public MidiConfigReader(Problems problems) {
        this.problems = problems;
    }

    public MidiConfig read(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'midi'", "a mapping with 'controllers' and/or 'out'", problems);
        if (maybe.isEmpty()) {
            return MidiConfig.NONE;
        }
        YamlMapping midi = maybe.get();
        List<MidiController> controllers = midi.get("controllers").map(this::controllers).orElse(List.of());
        Optional<MidiOutConfig> out = midi.get("out").flatMap(this::out);
        midi.rejectUnknown(List.of("controllers", "out"));
        return new MidiConfig(controllers, out);
    }

    private List<MidiController> controllers(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "'controllers' must map names to devices (nano: nanoKONTROL), not " + Scalars.describe(node));
            return List.of();
        }
        List<MidiController> controllers = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> name = Scalars.scalar(tuple.getKeyNode()).filter(n -> n.matches("[a-z0-9_-]+"));
            if (name.isEmpty()) {
                problems.at(tuple.getKeyNode(), "a MIDI controller's name must be lower-case letters, digits, _ or -"
                        + " (its signals are midi/<name>/...), not " + Scalars.describe(tuple.getKeyNode()));
                continue;
            }
            controller(name.get(), tuple.getValueNode()).ifPresent(controllers::add);
        }
        return controllers;
    }

    private Optional<MidiController> controller(String name, Node node) {
        if (node instanceof ScalarNode) {
            return device(node).map(device -> new MidiController(name, device, 0));
        }
        Optional<YamlMapping> maybe = YamlMapping.of(node, "MIDI controller '" + name + "'", "a device name or {device, channel}", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping controller = maybe.get();
        Optional<String> device = controller.require("device", "a part of the device's name, e.g. nanoKONTROL").flatMap(this::device);
        OptionalInt channel = controller.get("channel").map(n -> Scalars.integer(n, "channel", 1, 16, "a MIDI channel, 1 to 16", problems))
                .orElse(OptionalInt.of(0));
        controller.rejectUnknown(List.of("device", "channel"));
        if (device.isEmpty() || channel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MidiController(name, device.get(), channel.getAsInt()));
    }

    private Optional<String> device(Node node) {
        Optional<String> device = Scalars.text(node, "device", "a part of the device's name, e.g. nanoKONTROL", problems);
        if (device.isPresent() && device.get().isBlank()) {
            problems.at(node, "'device' must not be empty: it would match any device");
            return Optional.empty();
        }
        return device;
    }

    private Optional<MidiOutConfig> out(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'out' of 'midi'", "a mapping with 'device'", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping out = maybe.get();
        Optional<String> device = out.require("device", "a part of the output's name, e.g. IAC or loopMIDI").flatMap(this::device);
        OptionalInt channel = out.get("channel").map(n -> Scalars.integer(n, "channel", 1, 16, "a MIDI channel, 1 to 16", problems))
                .orElse(OptionalInt.of(1));
        Map<String, Integer> programs = new LinkedHashMap<>();
        out.get("programs").ifPresent(n -> {
            if (!(n instanceof MappingNode mapping)) {
                problems.at(n, "'programs' must map scene names to program numbers (atelier: 3), not " + Scalars.describe(n));
                return;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> scene = Scalars.text(tuple.getKeyNode(), "programs", "a scene name", problems);
                OptionalInt program = Scalars.integer(tuple.getValueNode(), scene.orElse("program"), 0, 127, "a program number, 0 to 127", problems);
                if (scene.isPresent() && program.isPresent()) {
                    programs.put(scene.get(), program.getAsInt());
                }
            }
        });
        out.rejectUnknown(List.of("device", "channel", "programs"));
        if (device.isEmpty() || channel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MidiOutConfig(device.get(), channel.getAsInt(), programs));
    }
}
