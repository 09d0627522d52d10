package org.liquide.showcase;

import org.liquide.oscout.OscSignalOut;
import org.liquide.oscout.OscTarget;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Reads {@code osc_out}: a list of targets, each with host, port, events, rate and signals. */
final class OscOutReader {
    private final Problems problems;

    OscOutReader(Problems problems) {
        this.problems = problems;
    }

    List<OscTarget> targets(Node node) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, "'osc_out' must be a list of targets ({host, port, signals...}), not " + Scalars.describe(node));
            return List.of();
        }
        List<OscTarget> targets = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            target(item).ifPresent(targets::add);
        }
        return targets;
    }

    private Optional<OscTarget> target(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "an 'osc_out' target", "a mapping with host and port", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping target = maybe.get();
        Optional<String> host = target.require("host", "the address to send to").flatMap(n -> Scalars.text(n, "host", "an address", problems));
        OptionalInt port = target.require("port", "the UDP port to send to")
                .map(n -> Scalars.integer(n, "port", 1, 65535, "a UDP port", problems)).orElse(OptionalInt.empty());
        boolean events = target.get("events").flatMap(n -> Scalars.bool(n, "events", problems)).orElse(true);
        double rate = target.get("rate").flatMap(n -> Scalars.boxed(Scalars.number(n, "rate", 0.1, 200, "0.1 to 200 messages a second", problems)))
                .orElse(30.0);
        List<OscSignalOut> signals = new ArrayList<>();
        target.get("signals").ifPresent(n -> {
            if (n instanceof SequenceNode list) {
                list.getValue().forEach(s -> signal(s).ifPresent(signals::add));
            } else {
                problems.at(n, "'signals' must be a list of signal names or {signal, address, from, to}, not " + Scalars.describe(n));
            }
        });
        target.rejectUnknown(List.of("host", "port", "events", "rate", "signals"));
        if (host.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OscTarget(host.get(), port.getAsInt(), events, rate, signals));
    }

    private Optional<OscSignalOut> signal(Node node) {
        if (node instanceof ScalarNode) {
            return Scalars.text(node, "signals", "a signal name", problems).map(OscSignalOut::raw);
        }
        Optional<YamlMapping> maybe = YamlMapping.of(node, "a signal of 'osc_out'", "a signal name or {signal, address, from, to}", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping mapping = maybe.get();
        Optional<String> signal = mapping.require("signal", "the signal's name").flatMap(n -> Scalars.text(n, "signal", "a signal name", problems));
        Optional<String> address = mapping.get("address").flatMap(n -> Scalars.text(n, "address", "an OSC address such as /live/volume", problems));
        address.filter(a -> !a.startsWith("/") || a.contains(" ") || a.contains("#"))
                .ifPresent(a -> problems.at(mapping.get("address").orElseThrow(), "'address' must start with / and hold no space or #, got " + a));
        Optional<double[]> from = mapping.get("from").flatMap(n -> pair(n, "from"));
        Optional<double[]> to = mapping.get("to").flatMap(n -> pair(n, "to"));
        mapping.rejectUnknown(List.of("signal", "address", "from", "to"));
        if (signal.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty() && to.isEmpty()) {
            OscSignalOut raw = OscSignalOut.raw(signal.get());
            return Optional.of(address.map(a -> new OscSignalOut(signal.get(), a, false, 0, 1, 0, 1)).orElse(raw));
        }
        double[] in = from.orElse(new double[]{0, 1});
        double[] out = to.orElse(new double[]{0, 1});
        return Optional.of(new OscSignalOut(signal.get(), address.orElse(OscSignalOut.RAW_PREFIX + signal.get()), true,
                in[0], in[1], out[0], out[1]));
    }

    private Optional<double[]> pair(Node node, String key) {
        if (node instanceof SequenceNode list && list.getValue().size() == 2) {
            OptionalDouble low = Scalars.number(list.getValue().get(0), key, -1e12, 1e12, "a number", problems);
            OptionalDouble high = Scalars.number(list.getValue().get(1), key, -1e12, 1e12, "a number", problems);
            if (low.isPresent() && high.isPresent()) {
                return Optional.of(new double[]{low.getAsDouble(), high.getAsDouble()});
            }
            return Optional.empty();
        }
        problems.at(node, "'" + key + "' must be two numbers [low, high], not " + Scalars.describe(node));
        return Optional.empty();
    }
}
