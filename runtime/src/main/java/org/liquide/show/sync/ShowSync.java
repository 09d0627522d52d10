package org.liquide.show.sync;

import org.liquide.showcase.SyncRole;
import org.liquide.hardware.wire.Names;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.signal.SignalBus;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The showcase's runtimes kept together through the broker: commands on
 * {@code liquide/show/<showcase>/command} (see {@link ShowCommandCodec}), and the other runtimes' retained
 * statuses on {@code liquide/runtimes/<machine>/status}. A runtime ignores its own messages, and what it
 * receives it applies without publishing again, so nothing loops. Refused messages are counted on the
 * signal bus under {@value #SOURCE} and logged once per reason. At most {@value #MAX_PEERS} other runtimes
 * are kept; statuses of more are counted ({@code too-many-peers}) and dropped.
 */
public final class ShowSync {
    public static final String SOURCE = "show-sync";
    private static final Logger LOG = LoggerFactory.getLogger(ShowSync.class);
    private static final String RUNTIME_STATUSES = "liquide/runtimes/+/status";
    /** Far more render machines than one room holds: a bound on names made up on the broker. */
    public static final int MAX_PEERS = 32;

    private final String topic;
    private final String machine;
    private final SyncRole role;
    private final MqttSignalSource mqtt;
    private final SignalBus bus;
    private final Consumer<ShowCommand> apply;
    private final Map<String, String> peers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reasonsLogged = new ConcurrentHashMap<>();
    private final RateLimitedLog commandLines = RateLimitedLog.of(LOG);
    private final RateLimitedLog refusalLines = RateLimitedLog.of(LOG);

    /**
     * Subscribes on {@code mqtt}, which must not be started yet.
     *
     * @param apply carries out a command received from another runtime or a show controller
     */
    public ShowSync(String showcase, String machine, SyncRole role, MqttSignalSource mqtt, SignalBus bus, Consumer<ShowCommand> apply) {
        this.topic = commandTopic(showcase);
        this.machine = machine;
        this.role = role;
        this.mqtt = mqtt;
        this.bus = bus;
        this.apply = apply;
        mqtt.subscribe(topic, this::received);
        mqtt.subscribe(RUNTIME_STATUSES, this::runtimeStatus);
    }

    public static String commandTopic(String showcase) {
        return "liquide/show/" + showcase + "/command";
    }

    public SyncRole role() {
        return role;
    }

    /** Tells the other runtimes (dropped while the broker is unreachable: each runtime keeps its own schedule). */
    public void publish(ShowCommand command) {
        mqtt.publish(topic, ShowCommandCodec.encode(machine, command), false);
    }

    /** The other runtimes heard of, by machine: {@code online} or {@code offline}. */
    public Map<String, String> peers() {
        return new TreeMap<>(peers);
    }

    private void received(MqttSignalSource.BrokerMessage message) {
        if (message.retained()) {
            // A command is an event: one kept by the broker would be applied again at every reconnection.
            bus.drop(SOURCE, "retained");
            if (reasonsLogged.putIfAbsent("retained", true) == null) {
                LOG.warn("a retained show command on {} is ignored (commands are events; clear it with: mosquitto_pub -r -n -t {}); "
                        + "further ones are only counted", topic, topic);
            }
            return;
        }
        ShowCommandCodec.Received command;
        try {
            command = ShowCommandCodec.decode(message.payload());
        } catch (ShowCommandCodec.Refused refused) {
            bus.drop(SOURCE, refused.reason());
            if (reasonsLogged.putIfAbsent(refused.reason(), true) == null) {
                LOG.warn("show command on {} refused ({}): {}; further ones are only counted", topic, refused.reason(), refused.getMessage());
            }
            return;
        }
        if (command.from().equals(machine)) {
            return;
        }
        commandLines.info("show command from {}: {}", command.from(), command.command());
        try {
            apply.accept(command.command());
        } catch (IllegalArgumentException e) {
            bus.drop(SOURCE, "not-applicable");
            refusalLines.warn("show command from {} not applied: {}", command.from(), e.getMessage());
        }
    }

    private void runtimeStatus(MqttSignalSource.BrokerMessage message) {
        byte[] payload = message.payload();
        String[] levels = message.topic().split("/");
        if (levels.length != 4 || levels[2].equals(machine)) {
            return;
        }
        String peer = levels[2];
        var status = NodeStatus.parse(payload);
        if (status.isEmpty() || !Names.isValid(peer)) {
            bus.drop(SOURCE, "bad-status");
        } else if (peers.size() >= MAX_PEERS && !peers.containsKey(peer)) {
            bus.drop(SOURCE, "too-many-peers");
        } else {
            peers.put(peer, status.get().payload());
        }
    }
}
