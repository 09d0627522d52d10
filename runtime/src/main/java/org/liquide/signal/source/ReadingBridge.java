package org.liquide.signal.source;

import org.liquide.hardware.wire.ReadingSink;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.hardware.wire.SensorReading;
import org.liquide.hardware.wire.SensorValue;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns sensor readings into signals named {@code <node>/<sensor>} (or {@code <node>/<sensor>/<channel>}):
 * a number gives one channel, a flag 0 or 1, an array one channel per element. Also keeps each node's
 * last status. Used for readings from the broker and from simulated nodes running in-process. Only the
 * roster's nodes and sensors are heard: anything else is dropped and counted on the bus
 * ({@code unknown-node}, {@code unknown-sensor}, {@code too-many-nodes}).
 */
public final class ReadingBridge implements ReadingSink {
    private final SignalBus bus;
    private final String source;
    private final NodeRoster roster;
    private final Map<String, NodeState> nodes = new ConcurrentHashMap<>();
    private final ThreadLocal<double[]> values = ThreadLocal.withInitial(() -> new double[Signal.MAX_CHANNELS]);

    /** The last status a node announced and when a reading of it last arrived. */
    public record NodeState(NodeStatus status, long statusNanos, long lastReadingNanos) {
        /** {@code offline} as the node said, {@code stale} when silent over {@code silentSeconds}, else {@code online}. */
        public String condition(long nowNanos, double silentSeconds) {
            return status == NodeStatus.OFFLINE ? "offline" : nowNanos - lastReadingNanos > silentSeconds * 1e9 ? "stale" : "online";
        }
    }

    public ReadingBridge(SignalBus bus, String source, NodeRoster roster) {
        this.bus = bus;
        this.source = source;
        this.roster = roster;
    }

    @Override
    public void publish(SensorReading reading) {
        String name = reading.node() + "/" + reading.sensor() + reading.channel().map(c -> "/" + c).orElse("");
        if (!admitted(reading.node())) {
            return;
        }
        if (!roster.knowsSignal(name)) {
            bus.drop(source, "unknown-sensor");
            return;
        }
        double[] v = values.get();
        int count;
        switch (reading.value()) {
            case SensorValue.Scalar scalar -> {
                v[0] = scalar.value();
                count = 1;
            }
            case SensorValue.Flag flag -> {
                v[0] = flag.value() ? 1 : 0;
                count = 1;
            }
            case SensorValue.Vector vector -> {
                count = Math.min(vector.length(), Signal.MAX_CHANNELS);
                for (int i = 0; i < count; i++) {
                    v[i] = vector.get(i);
                }
            }
        }
        bus.publish(source, name, v, count, reading.epochMillis());
        long now = bus.nowNanos();
        nodes.compute(reading.node(), (node, state) -> state == null
                ? new NodeState(NodeStatus.ONLINE, now, now)
                : new NodeState(state.status(), state.statusNanos(), now));
    }

    @Override
    public void status(String node, NodeStatus status) {
        if (!admitted(node)) {
            return;
        }
        long now = bus.nowNanos();
        nodes.compute(node, (n, state) -> new NodeState(status, now, state == null ? 0 : state.lastReadingNanos()));
    }

    private boolean admitted(String node) {
        if (!roster.knowsNode(node)) {
            bus.drop(source, "unknown-node");
            return false;
        }
        if (nodes.size() >= roster.maxNodes() && !nodes.containsKey(node)) {
            bus.drop(source, "too-many-nodes");
            return false;
        }
        return true;
    }

    /** Every node heard of (at most the roster's), by name. */
    public Map<String, NodeState> nodes() {
        return Map.copyOf(nodes);
    }
}
