package org.liquide.hardware.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's MQTT subscriber: records every message on a topic filter. */
public final class MqttProbe implements AutoCloseable {
    public record Message(String topic, byte[] payload, boolean retained, long receivedAtMillis) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Mqtt5AsyncClient client;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private MqttProbe(int port) {
        client = MqttClient.builder().useMqttVersion5().identifier("probe-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
    }

    public static MqttProbe subscribe(int port, String filter) throws Exception {
        MqttProbe probe = new MqttProbe(port);
        probe.client.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
        probe.client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> probe.messages.add(new Message(p.getTopic().toString(), p.getPayloadAsBytes(),
                        p.isRetain(), System.currentTimeMillis())))
                .send().get(30, TimeUnit.SECONDS);
        return probe;
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> messages(Predicate<Message> filter) {
        return messages.stream().filter(filter).toList();
    }

    /** Publishes a raw payload (QoS 1) and waits until the broker has it. */
    public void publish(String topic, byte[] payload) throws Exception {
        client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);
    }

    /** Publishes a retained message (QoS 1) and waits until the broker has it. */
    public void publishRetained(String topic, byte[] payload) throws Exception {
        client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(true).send().get(5, TimeUnit.SECONDS);
    }

    /** Publishes one payload on many topics (QoS 1) without waiting between them, then waits until the broker has them all. */
    public void publishToAll(List<String> topics, byte[] payload, boolean retain) throws Exception {
        var sent = topics.stream().map(topic -> client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE)
                .retain(retain).send()).toList();
        for (var one : sent) {
            one.get(30, TimeUnit.SECONDS);
        }
    }

    public void awaitMessage(Duration deadline, String what, Predicate<Message> filter) {
        Await.until(deadline, what, () -> messages.stream().anyMatch(filter));
    }

    @Override
    public void close() {
        try {
            if (client.getState().isConnected()) {
                client.disconnect().get(2, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // The broker may be gone already.
        }
    }
}
