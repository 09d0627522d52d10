package org.liquide.signal.source;

import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.node.sensor.SensorReaders;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The sensor nodes a runtime listens to. A showcase's node files name its nodes and their sensors: a
 * status or a reading of any other name is dropped and counted, so names made up on the broker never
 * grow what the runtime keeps. Without node files ({@code liquide signals --broker}) any node is heard,
 * up to {@value #MAX_OPEN_NODES} of them.
 */
public final class NodeRoster {
    public static final int MAX_OPEN_NODES = 64;

    /** Null when open. */
    private final Set<String> nodes;
    /** {@code <node>/<sensor>} and {@code <node>/<sensor>/<channel>}, as the node publishes them; null when open. */
    private final Set<String> signals;

    private NodeRoster(Set<String> nodes, Set<String> signals) {
        this.nodes = nodes;
        this.signals = signals;
    }

    /** Exactly these nodes, each with the sensors (and channels) its file gives it. */
    public static NodeRoster of(Collection<NodeConfig> configs) {
        Set<String> nodes = new HashSet<>();
        Set<String> signals = new HashSet<>();
        for (NodeConfig node : configs) {
            nodes.add(node.node());
            for (SensorConfig sensor : node.sensors()) {
                String name = node.node() + "/" + sensor.name();
                signals.add(name);
                SensorReaders.channels(sensor).forEach(channel -> signals.add(name + "/" + channel));
            }
        }
        return new NodeRoster(Set.copyOf(nodes), Set.copyOf(signals));
    }

    /** Any node, the first {@value #MAX_OPEN_NODES} heard of. */
    public static NodeRoster open() {
        return new NodeRoster(null, null);
    }

    /** Whether a node of this name may be kept (a status), before the bound of {@link #maxNodes()}. */
    public boolean knowsNode(String node) {
        return nodes == null || nodes.contains(node);
    }

    /** Whether a reading of this signal ({@code <node>/<sensor>[/<channel>]}) may reach the bus. */
    public boolean knowsSignal(String signal) {
        return signals == null || signals.contains(signal);
    }

    /** How many nodes are kept at most. */
    public int maxNodes() {
        return nodes == null ? MAX_OPEN_NODES : nodes.size();
    }
}
