package org.liquide.hardware.node;

import org.liquide.hardware.wire.ReadingSink;
import org.liquide.hardware.board.Board;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.wire.NodeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A running node: one thread per sensor reads it at its rate and publishes to the sink. Closing stops the
 * threads, releases the sensors and tells the sink the node is offline; the board stays open (its owner closes
 * it).
 */
public final class SensorNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SensorNode.class);

    private final NodeConfig config;
    private final ReadingSink sink;
    private final NodeStats stats = new NodeStats();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    private SensorNode(NodeConfig config, ReadingSink sink) {
        this.config = config;
        this.sink = sink;
    }

    public static SensorNode start(NodeConfig config, Board board, ReadingSink sink) {
        return start(config, board, sink, InstantSource.system());
    }

    /** @param wallClock the clock readings are stamped with */
    public static SensorNode start(NodeConfig config, Board board, ReadingSink sink, InstantSource wallClock) {
        Objects.requireNonNull(board, "board");
        SensorNode node = new SensorNode(Objects.requireNonNull(config, "config"), Objects.requireNonNull(sink, "sink"));
        sink.status(config.node(), NodeStatus.ONLINE);
        for (SensorConfig sensor : config.sensors()) {
            Thread thread = Thread.ofPlatform().daemon().name("node-" + config.node() + "-" + sensor.name())
                    .unstarted(new SensorLoop(config.node(), sensor, board, sink, wallClock, node.stats));
            node.threads.add(thread);
            thread.start();
        }
        LOG.info("node {} started: {} sensor(s)", config.node(), config.sensors().size());
        return node;
    }

    public NodeConfig config() {
        return config;
    }

    public NodeStats stats() {
        return stats;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sink.status(config.node(), NodeStatus.OFFLINE);
        LOG.info("node {} stopped: {}", config.node(), stats);
    }
}
