package org.liquide.dmx;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code dmx}: {@code rate}, {@code targets} (protocol, host, universe, port) and {@code channels} (a name
 * each, with its slot, or {@code {channel, universe, fine, initial, safe}}). Refuses channels that overlap, run past
 * slot 512 or sit in a universe no target receives.
 */
public final class DmxConfigReader {
    private static final List<String> PROTOCOLS = Arrays.stream(DmxProtocol.values()).map(DmxProtocol::configName).toList();
    private final Problems problems;

    public DmxConfigReader(Problems problems) {
        this.problems = problems;
    }

    public DmxConfig read(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'dmx'", "a mapping with 'targets' and 'channels'", problems);
        if (maybe.isEmpty()) {
            return DmxConfig.NONE;
        }
        YamlMapping dmx = maybe.get();
        double rate = dmx.get("rate").map(n -> Scalars.number(n, "rate", 1, 44,
                "1 to 44 frames a second (DMX512 refreshes a universe at most 44 times a second)", problems))
                .filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).orElse(DmxConfig.DEFAULT_RATE);
        List<DmxTarget> targets = dmx.require("targets", "a list of {protocol: art-net | sacn, host, universe}")
                .map(this::targets).orElse(List.of());
        Set<Integer> universes = new TreeSet<>();
        targets.forEach(t -> universes.add(t.universe()));
        List<DmxChannel> channels = dmx.get("channels").map(n -> channels(n, universes)).orElse(List.of());
        dmx.rejectUnknown(List.of("rate", "targets", "channels"));
        return new DmxConfig(rate, targets, channels);
    }

    private List<DmxTarget> targets(Node node) {
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.at(node, "'targets' must be a list of {protocol: art-net | sacn, host, universe}, not " + Scalars.describe(node));
            return List.of();
        }
        List<DmxTarget> targets = new ArrayList<>();
        for (Node item : list.getValue()) {
            target(item).ifPresent(targets::add);
        }
        return targets;
    }

    private Optional<DmxTarget> target(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "a 'dmx' target", "a mapping with protocol, host and universe", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping target = maybe.get();
        Optional<DmxProtocol> protocol = target.require("protocol", "art-net or sacn")
                .flatMap(n -> Choices.one(n, "protocol", PROTOCOLS, problems))
                .map(name -> DmxProtocol.values()[PROTOCOLS.indexOf(name)]);
        Optional<String> host = target.require("host", "the address of the node or desk (sent to it alone, never broadcast)")
                .flatMap(n -> Scalars.text(n, "host", "an address", problems));
        OptionalInt universe = protocol.flatMap(p -> target.get("universe").map(n -> Scalars.integer(n, "universe",
                p.firstUniverse(), p.lastUniverse(), p.firstUniverse() + " to " + p.lastUniverse() + " for " + p.configName(), problems)))
                .orElse(protocol.map(p -> OptionalInt.of(p.firstUniverse())).orElse(OptionalInt.empty()));
        OptionalInt port = target.get("port").map(n -> Scalars.integer(n, "port", 1, 65535, "a UDP port", problems))
                .orElse(protocol.map(p -> OptionalInt.of(p.defaultPort())).orElse(OptionalInt.empty()));
        target.rejectUnknown(List.of("protocol", "host", "universe", "port"));
        if (protocol.isEmpty() || host.isEmpty() || universe.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DmxTarget(protocol.get(), host.get(), port.getAsInt(), universe.getAsInt()));
    }

    private List<DmxChannel> channels(Node node, Set<Integer> universes) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "'channels' must map names to slots (house: 1, or wash: {channel: 10, safe: 1}), not "
                    + Scalars.describe(node));
            return List.of();
        }
        List<DmxChannel> channels = new ArrayList<>();
        Map<Integer, Map<Integer, String>> taken = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> name = Scalars.scalar(tuple.getKeyNode()).filter(n -> n.matches("[a-z0-9_-]+"));
            if (name.isEmpty()) {
                problems.at(tuple.getKeyNode(), "a DMX channel's name must be lower-case letters, digits, _ or -"
                        + " (scenes map to it as dmx.<name>), not " + Scalars.describe(tuple.getKeyNode()));
                continue;
            }
            channel(name.get(), tuple.getValueNode(), universes).ifPresent(channel -> {
                Map<Integer, String> slots = taken.computeIfAbsent(channel.universe(), u -> new HashMap<>());
                for (int slot = channel.address(); slot <= channel.lastAddress(); slot++) {
                    String other = slots.putIfAbsent(slot, channel.name());
                    if (other != null) {
                        problems.at(tuple.getValueNode(), "channel '" + channel.name() + "' uses slot " + slot + " of universe "
                                + channel.universe() + ", which channel '" + other + "' uses already");
                        return;
                    }
                }
                channels.add(channel);
            });
        }
        return channels;
    }

    private Optional<DmxChannel> channel(String name, Node node, Set<Integer> universes) {
        if (node instanceof ScalarNode) {
            OptionalInt address = Scalars.integer(node, name, 1, 512, "a slot from 1 to 512", problems);
            return address.isPresent() ? inUniverse(name, node, OptionalInt.empty(), universes)
                    .map(u -> new DmxChannel(name, u, address.getAsInt(), false, 0, 0)) : Optional.empty();
        }
        Optional<YamlMapping> maybe = YamlMapping.of(node, "DMX channel '" + name + "'", "a slot number or {channel, universe, fine, initial, safe}", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping channel = maybe.get();
        OptionalInt address = channel.require("channel", "its slot, 1 to 512")
                .map(n -> Scalars.integer(n, "channel", 1, 512, "a slot from 1 to 512", problems)).orElse(OptionalInt.empty());
        OptionalInt universe = channel.get("universe").map(n -> Scalars.integer(n, "universe", 0, 63999, "a universe one of the targets receives", problems))
                .orElse(OptionalInt.empty());
        boolean fine = channel.get("fine").flatMap(n -> Scalars.bool(n, "fine", problems)).orElse(false);
        double initial = level(channel, "initial");
        double safe = level(channel, "safe");
        channel.rejectUnknown(List.of("channel", "universe", "fine", "initial", "safe"));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (fine && address.getAsInt() == 512) {
            problems.at(node, "channel '" + name + "' is fine (16 bits on two slots) and cannot start at slot 512");
            return Optional.empty();
        }
        return inUniverse(name, node, universe, universes)
                .map(u -> new DmxChannel(name, u, address.getAsInt(), fine, initial, safe));
    }

    private double level(YamlMapping channel, String key) {
        return channel.get(key).map(n -> Scalars.number(n, key, 0, 1, "a level from 0 (off) to 1 (full)", problems))
                .filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).orElse(0.0);
    }

    private Optional<Integer> inUniverse(String name, Node at, OptionalInt universe, Set<Integer> universes) {
        if (universes.isEmpty()) {
            return Optional.empty(); // the targets' own errors are reported
        }
        if (universe.isEmpty()) {
            if (universes.size() == 1) {
                return Optional.of(universes.iterator().next());
            }
            problems.at(at, "channel '" + name + "' must say its 'universe': the targets receive universes " + universes);
            return Optional.empty();
        }
        if (!universes.contains(universe.getAsInt())) {
            problems.at(at, "channel '" + name + "' is in universe " + universe.getAsInt() + ", which no target receives "
                    + "(the targets receive " + universes + ")");
            return Optional.empty();
        }
        return Optional.of(universe.getAsInt());
    }
}
