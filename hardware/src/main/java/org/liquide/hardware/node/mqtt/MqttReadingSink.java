package org.liquide.hardware.node.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import org.liquide.hardware.broker.BrokerClients;
import org.liquide.hardware.wire.ReadingSink;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.hardware.wire.ReadingCodec;
import org.liquide.hardware.wire.SensorReading;
import org.liquide.hardware.wire.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes readings to an MQTT broker (MQTT 5), for a node that runs for weeks unattended:
 * <ul>
 *   <li>the connection carries a last will: {@code offline}, retained, on the node's status topic, which the
 *       broker publishes if the node vanishes (crash, power cut, cable pulled);</li>
 *   <li>on every (re)connection it publishes {@code online}, retained;</li>
 *   <li>it reconnects forever, after 1 s doubling up to a maximum (with jitter so that nodes do not all come back
 *       at the same instant after the broker restarts);</li>
 *   <li>readings are only sent fresh: one taken while disconnected is dropped and counted, never queued, so no
 *       backlog of stale readings floods the render machine when the broker comes back;</li>
 *   <li>{@link #status status(node, OFFLINE)} (a clean stop) publishes {@code offline} before disconnecting.</li>
 * </ul>
 */
public final class MqttReadingSink implements ReadingSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttReadingSink.class);
    private static final long OFFLINE_PUBLISH_TIMEOUT_MILLIS = 3_000;

    private final MqttSettings settings;
    private final Mqtt5AsyncClient client;
    private final String statusTopic;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean offline;
    private volatile boolean closing;
    /** A refusal of the node's credentials is said once, not at every retry. */
    private volatile boolean refusalLogged;

    private MqttReadingSink(MqttSettings settings) {
        this.settings = settings;
        this.statusTopic = Topics.status(settings.node());
        this.client = BrokerClients.builder(settings.broker(), settings.security())
                .identifier(settings.clientId())
                .addConnectedListener(this::onConnected)
                .addDisconnectedListener(this::onDisconnected)
                .buildAsync();
    }

    /** Starts connecting and returns at once; the sink connects (and reconnects) in the background. */
    public static MqttReadingSink connect(MqttSettings settings) {
        MqttReadingSink sink = new MqttReadingSink(settings);
        sink.client.connectWith()
                .cleanStart(true)
                .sessionExpiryInterval(0)
                .keepAlive((int) settings.keepAlive().toSeconds())
                .willPublish()
                    .topic(sink.statusTopic)
                    .payload(NodeStatus.OFFLINE.payloadBytes())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .applyWillPublish()
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.debug("first connection attempt to {} failed: {}", settings.broker(), error.toString());
                    }
                });
        return sink;
    }

    private void onConnected(MqttClientConnectedContext context) {
        connects.incrementAndGet();
        if (closing) {
            client.disconnect();
            return;
        }
        LOG.info("node {} connected to {}", settings.node(), settings.broker());
        refusalLogged = false;
        if (!offline) {
            publishStatus(NodeStatus.ONLINE);
        }
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        if (closing || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        int attempts = context.getReconnector().getAttempts();
        long first = settings.reconnectFirst().toMillis();
        long delay = (long) Math.min(settings.reconnectMax().toMillis(), first * Math.pow(2, Math.min(attempts, 30)));
        delay += ThreadLocalRandom.current().nextLong(delay / 4 + 1);
        var refusal = BrokerClients.refusal(context.getCause(), settings.security());
        if (refusal.isPresent()) {
            if (!refusalLogged) {
                refusalLogged = true;
                LOG.error("node {}: {} ({}); retrying with backoff", settings.node(), refusal.get(), settings.broker());
            }
        } else if (attempts == 0 || Long.bitCount(attempts) == 1) {
            LOG.warn("node {}: no connection to {} ({}); retrying in {} ms", settings.node(), settings.broker(),
                    context.getCause().getMessage(), delay);
        }
        context.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(SensorReading reading) {
        if (!client.getState().isConnected()) {
            dropped.incrementAndGet();
            return;
        }
        client.publishWith()
                .topic(reading.topic())
                .payload(ReadingCodec.encode(reading))
                .qos(MqttQos.AT_MOST_ONCE)
                .messageExpiryInterval(settings.readingExpiry().toSeconds())
                .send()
                .whenComplete((result, error) -> (error == null ? sent : failed).incrementAndGet());
    }

    @Override
    public void status(String node, NodeStatus status) {
        if (status == NodeStatus.OFFLINE) {
            offline = true;
            if (client.getState().isConnected()) {
                try {
                    publishStatus(NodeStatus.OFFLINE).get(OFFLINE_PUBLISH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LOG.warn("node {}: could not publish offline: {}", node, e.toString());
                }
            }
        } else {
            offline = false;
            if (client.getState().isConnected()) {
                publishStatus(NodeStatus.ONLINE);
            }
        }
    }

    private java.util.concurrent.CompletableFuture<?> publishStatus(NodeStatus status) {
        return client.publishWith()
                .topic(statusTopic)
                .payload(status.payloadBytes())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .send();
    }

    public boolean isConnected() {
        return client.getState().isConnected();
    }

    /** Readings the broker accepted (QoS 0: handed to the connection). */
    public long sent() {
        return sent.get();
    }

    /** Readings dropped because the broker was unreachable when they were taken. */
    public long droppedWhileDisconnected() {
        return dropped.get();
    }

    /** Successful connections, the first one included. */
    public long connects() {
        return connects.get();
    }

    /** Disconnects; the last will is not published (call {@code status(node, OFFLINE)} first for that). */
    @Override
    public void close() {
        closing = true;
        if (client.getState().isConnected()) {
            try {
                client.disconnect().get(OFFLINE_PUBLISH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("disconnect: {}", e.toString());
            }
        }
    }
}
