package org.liquide.signal.source;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import org.liquide.hardware.broker.BrokerClients;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.wire.DecodeResult;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.hardware.wire.ReadingCodec;
import org.liquide.hardware.wire.Topics;
import org.liquide.signal.SignalBus;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The runtime's connection to the broker: it receives sensor readings and node statuses (decoded by the
 * wire format's strict codec; rejects counted per reason), announces this runtime with a retained
 * {@code online} status and an {@code offline} last will, lets the show publish and receive its own
 * topics, and reconnects forever with a doubling delay. Each topic filter is subscribed once with its
 * callback, and the client renews the subscriptions on each new session, so a message is handled once
 * however often the connection came back.
 */
public final class MqttSignalSource implements AutoCloseable {
    public static final String SOURCE = "mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttSignalSource.class);
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 10_000;

    private final SignalBus bus;
    private final ReadingBridge readings;
    private final URI broker;
    private final String statusTopic;
    private final BrokerSecurity security;
    private final Mqtt5AsyncClient client;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private volatile boolean closing;
    private volatile boolean everConnected;
    /** One warning per outage (or for a broker never reached), not one per retry. */
    private volatile boolean outageLogged;
    /** A refusal of this runtime's credentials is said once until a connection succeeds. */
    private volatile boolean refusalLogged;
    /** Connections and outages: a connection cut again and again (by the network, or a client taking our id) writes a few lines. */
    private final RateLimitedLog connection = RateLimitedLog.of(LOG);

    /**
     * @param runtimeStatusTopic where this runtime announces itself ({@code online} retained, {@code offline} as
     *                           will); null for a listener that announces nothing (the signals monitor)
     * @param roster             the nodes whose statuses and readings are heard
     */
    public MqttSignalSource(SignalBus bus, URI broker, String runtimeStatusTopic, NodeRoster roster) {
        this(bus, broker, BrokerSecurity.NONE, runtimeStatusTopic, roster);
    }

    /**
     * @param broker   {@code tcp://host:port} or {@code mqtts://host:port}
     * @param security the account's credentials file and the broker's CA
     */
    public MqttSignalSource(SignalBus bus, URI broker, BrokerSecurity security, String runtimeStatusTopic, NodeRoster roster) {
        this.bus = bus;
        this.readings = new ReadingBridge(bus, SOURCE, roster);
        this.broker = broker;
        this.security = security;
        this.statusTopic = runtimeStatusTopic;
        BrokerAddress address = BrokerAddress.parse(broker.toString())
                .orElseThrow(() -> new IllegalArgumentException("not an MQTT URL: " + broker));
        this.client = BrokerClients.builder(address, security)
                .identifier("liquide-runtime-" + UUID.randomUUID().toString().substring(0, 8))
                .addConnectedListener(this::onConnected)
                .addDisconnectedListener(this::onDisconnected)
                .buildAsync();
        routes.add(new Route(MqttTopicFilter.of(Topics.ALL_READINGS), MqttQos.AT_MOST_ONCE, this::onReading));
        routes.add(new Route(MqttTopicFilter.of(Topics.ALL_STATUSES), MqttQos.AT_LEAST_ONCE, this::onNodeStatus));
    }

    /** A message from the broker: its topic, its payload, and whether the broker kept it (retained). */
    public record BrokerMessage(String topic, byte[] payload, boolean retained) {
    }

    /** A topic filter and its handler; subscribed once, on the first connection that takes it. */
    private record Route(MqttTopicFilter filter, MqttQos qos, Consumer<BrokerMessage> handler, AtomicBoolean subscribed) {
        Route(MqttTopicFilter filter, MqttQos qos, Consumer<BrokerMessage> handler) {
            this(filter, qos, handler, new AtomicBoolean());
        }
    }

    /**
     * Also delivers messages of this topic filter (show commands, peers' statuses) to a handler, on the
     * client's thread. Before {@link #start()}.
     */
    public void subscribe(String filter, Consumer<BrokerMessage> handler) {
        routes.add(new Route(MqttTopicFilter.of(filter), MqttQos.AT_LEAST_ONCE, handler));
    }

    /** Starts connecting; returns at once. */
    public MqttSignalSource start() {
        Mqtt5ConnectBuilder connect = Mqtt5Connect.builder().cleanStart(true).keepAlive(10);
        if (statusTopic != null) {
            connect = connect.willPublish().topic(statusTopic).payload(NodeStatus.OFFLINE.payloadBytes())
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
        }
        client.connect(connect.build())
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.debug("first connection to {} failed: {}", broker, error.toString());
                    }
                });
        return this;
    }

    private void onConnected(MqttClientConnectedContext context) {
        if (closing) {
            client.disconnect();
            return;
        }
        connection.info("broker: connected to {}", broker);
        everConnected = true;
        outageLogged = false;
        refusalLogged = false;
        // A subscription's callback is registered once: the client itself subscribes again on each new session
        // with the callbacks it has (resubscribeIfSessionExpired), so subscribing here on every connection would
        // add one more callback, and one more handling of every message, per reconnection.
        for (Route route : routes) {
            if (route.subscribed().compareAndSet(false, true)) {
                client.subscribeWith().topicFilter(route.filter()).qos(route.qos()).callback(publish -> route.handler().accept(
                                new BrokerMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.isRetain())))
                        .send()
                        .whenComplete((ack, error) -> {
                            if (error != null) {
                                route.subscribed().set(false); // the next connection tries again
                                LOG.debug("subscribing to {} failed: {}", route.filter(), error.toString());
                            }
                        });
            }
        }
        if (statusTopic != null) {
            publish(statusTopic, NodeStatus.ONLINE.payloadBytes(), true);
        }
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        if (closing || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        int attempts = context.getReconnector().getAttempts();
        long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempts, 20));
        var refusal = BrokerClients.refusal(context.getCause(), security);
        if (refusal.isPresent()) {
            if (!refusalLogged) {
                refusalLogged = true;
                outageLogged = true;
                LOG.error("broker {}: {}; retrying with backoff (docs/security.md)", broker, refusal.get());
            }
        } else if (!outageLogged) {
            outageLogged = true;
            connection.warn("broker: {} {} ({}); retrying until it answers", everConnected ? "lost" : "cannot reach", broker,
                    context.getCause().getMessage());
        }
        context.getReconnector().resubscribeIfSessionExpired(true).reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
    }

    private void onReading(BrokerMessage message) {
        switch (ReadingCodec.decode(message.topic(), message.payload())) {
            case DecodeResult.Accepted accepted -> readings.publish(accepted.reading());
            case DecodeResult.Rejected rejected -> bus.drop(SOURCE, rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    private void onNodeStatus(BrokerMessage message) {
        var node = Topics.parseStatus(message.topic());
        var status = NodeStatus.parse(message.payload());
        if (node.isPresent() && status.isPresent()) {
            readings.status(node.get(), status.get());
        } else {
            bus.drop(SOURCE, "bad-status");
        }
    }

    /** Publishes a message (show commands, statuses); dropped when disconnected. */
    public void publish(String topic, byte[] payload, boolean retain) {
        if (client.getState().isConnected()) {
            client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send();
        }
    }

    public boolean connected() {
        return client.getState().isConnected();
    }

    public ReadingBridge readings() {
        return readings;
    }

    @Override
    public void close() {
        closing = true;
        if (statusTopic != null && client.getState().isConnected()) {
            try {
                client.publishWith().topic(statusTopic).payload(NodeStatus.OFFLINE.payloadBytes()).qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true).send().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("publishing offline", e);
            }
        }
        client.disconnect();
    }
}
