package org.liquide.signal.monitor;

import org.liquide.show.status.DeviceStatus;
import org.liquide.show.status.SignalRows;
import org.liquide.signal.SignalBus;
import org.liquide.signal.mapping.MappingEngine;
import org.liquide.signal.mapping.MappingSpec;
import org.liquide.signal.mapping.ParameterTarget;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.signal.source.NodeRoster;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Listens to the show's broker as the runtime does, without announcing itself, and runs the given
 * mappings on what arrives (their own filter state, the same maths), so a technician sees each sensor's
 * raw value, its age, whether it is stale and what the scenes would make of it. One thread evaluates the
 * mappings at a steady rate and publishes a snapshot, latest wins.
 */
public final class SignalMonitor implements AutoCloseable {
    private static final long EVALUATION_PERIOD_MILLIS = 20;

    private final URI broker;
    private final SignalBus bus = new SignalBus();
    private final MqttSignalSource mqtt;
    private final MappingEngine mappings;
    private final ScheduledExecutorService ticker;
    private final AtomicReference<MonitorSnapshot> latest = new AtomicReference<>();
    private final long snapshotEveryNanos;
    private boolean published;
    private final List<AutoCloseable> localSources = new java.util.ArrayList<>();
    private long lastSnapshotNanos;

    /**
     * @param mappings the scenes' mappings (empty: raw signals only)
     * @param refresh  how often a snapshot is published
     */
    public SignalMonitor(URI broker, List<MappingSpec> mappings, Duration refresh) {
        this(broker, org.liquide.hardware.broker.BrokerSecurity.NONE, mappings, refresh);
    }

    /** @param security the account it listens with (the read-only monitor account) and the broker's CA */
    public SignalMonitor(URI broker, org.liquide.hardware.broker.BrokerSecurity security, List<MappingSpec> mappings, Duration refresh) {
        this.broker = broker;
        this.mqtt = new MqttSignalSource(bus, broker, security, null, NodeRoster.open());
        // The targets only record: the monitor moves nothing, it shows what would move.
        this.mappings = MappingEngine.build(mappings, bus, name -> new ParameterTarget(name, value -> {
        }));
        this.snapshotEveryNanos = refresh.toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "liquide-signals-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects and starts evaluating; the first snapshot comes one refresh later, once the broker had time to answer. */
    public SignalMonitor start() {
        published = true;
        lastSnapshotNanos = bus.nowNanos();
        mqtt.start();
        ticker.scheduleAtFixedRate(this::tick, 0, EVALUATION_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Also shows what a source of this machine publishes (the showcase's MIDI controllers), beside the broker's
     * signals; the source is closed with the monitor.
     */
    public SignalMonitor listening(java.util.function.Function<SignalBus, AutoCloseable> source) {
        localSources.add(source.apply(bus));
        return this;
    }

    /** The latest snapshot, or null before the first. Any thread. */
    public MonitorSnapshot latest() {
        return latest.get();
    }

    private void tick() {
        long now = bus.nowNanos();
        mappings.evaluate(now);
        if (!published || now - lastSnapshotNanos >= snapshotEveryNanos) {
            published = true;
            lastSnapshotNanos = now;
            latest.set(snapshot(now));
        }
    }

    private MonitorSnapshot snapshot(long now) {
        List<DeviceStatus> nodes = new ArrayList<>();
        new TreeMap<>(mqtt.readings().nodes()).forEach((name, state) ->
                nodes.add(new DeviceStatus(name, state.condition(now, SignalRows.SILENT_SECONDS), "broker")));
        SortedMap<String, Long> dropped = new TreeMap<>();
        bus.sources().forEach(source -> source.droppedByReason().forEach((reason, count) -> dropped.merge(reason, count, Long::sum)));
        return new MonitorSnapshot(Instant.now(), broker, mqtt.connected(), SignalRows.perMapping(bus, mappings.mappings()), nodes, dropped);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        mqtt.close();
        for (AutoCloseable source : localSources) {
            try {
                source.close();
            } catch (Exception e) {
                // closing: nothing more to do with it
            }
        }
    }
}
