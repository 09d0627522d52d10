package org.liquide.hardware.node;

import org.liquide.hardware.wire.ReadingSink;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.hardware.wire.SensorReading;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded in-memory sink that the runtime drains at its own pace (once per frame, say). When full it drops the
 * oldest reading, so a consumer that stalls gets the freshest readings afterwards, not a backlog.
 */
public final class InProcessSink implements ReadingSink {
    private final int capacity;
    private final ArrayDeque<SensorReading> queue;
    private final Map<String, NodeStatus> statuses = new ConcurrentHashMap<>();
    private long dropped;

    public InProcessSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public synchronized void publish(SensorReading reading) {
        if (queue.size() == capacity) {
            queue.removeFirst();
            dropped++;
        }
        queue.addLast(reading);
    }

    @Override
    public void status(String node, NodeStatus status) {
        statuses.put(node, status);
    }

    /** The oldest waiting reading, if any. */
    public synchronized Optional<SensorReading> poll() {
        return Optional.ofNullable(queue.pollFirst());
    }

    /** Every waiting reading, oldest first. */
    public synchronized List<SensorReading> drain() {
        var all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    public Optional<NodeStatus> status(String node) {
        return Optional.ofNullable(statuses.get(node));
    }

    /** Readings dropped because nobody drained in time. */
    public synchronized long dropped() {
        return dropped;
    }
}
