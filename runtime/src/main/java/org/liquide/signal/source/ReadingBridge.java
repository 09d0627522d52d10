package org.liquide.signal.source;

import org.liquide.hardware.node.ReadingSink;
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
 * last status. Used for readings from the broker and from simulated nodes running in-process.
 */
public final class ReadingBridge implements ReadingSink {
    private final SignalBus bus;
    private final String source;
    private final Map<String, NodeState> nodes = new ConcurrentHashMap<>();
    private final ThreadLocal<double[]> values = ThreadLocal.withInitial(() -> new double[Signal.MAX_CHANNELS]);

    /** The last status a node announced and when a reading of it last arrived. */
    public record NodeState(NodeStatus status, long statusNanos, long lastReadingNanos) {
        /** {@code offline} as the node said, {@code stale} when silent over {@code silentSeconds}, else {@code online}. */
        public String condition(long nowNanos, double silentSeconds) {
            return status == NodeStatus.OFFLINE ? "offline" : nowNanos - lastReadingNanos > silentSeconds * 1e9 ? "stale" : "online";
        }
    }

    public ReadingBridge(SignalBus bus, String source) {
        this.bus = bus;
        this.source = source;
    }

    @Override
    public void publish(SensorReading reading) {
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
        String name = reading.node() + "/" + reading.sensor() + reading.channel().map(c -> "/" + c).orElse("");
        bus.publish(source, name, v, count, reading.epochMillis());
        long now = bus.nowNanos();
        nodes.compute(reading.node(), (node, state) -> state == null
                ? new NodeState(NodeStatus.ONLINE, now, now)
                : new NodeState(state.status(), state.statusNanos(), now));
    }

    @Override
    public void status(String node, NodeStatus status) {
        long now = bus.nowNanos();
        nodes.compute(node, (n, state) -> new NodeState(status, now, state == null ? 0 : state.lastReadingNanos()));
    }

    /** Every node heard of, by name. */
    public Map<String, NodeState> nodes() {
        return Map.copyOf(nodes);
    }
}
