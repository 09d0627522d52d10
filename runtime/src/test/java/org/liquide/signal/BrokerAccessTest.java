package org.liquide.signal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.log.LogTail;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.node.mqtt.MqttReadingSink;
import org.liquide.hardware.node.mqtt.MqttSettings;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.wire.SensorReading;
import org.liquide.hardware.wire.SensorValue;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.signal.source.NodeRoster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The broker as the install scripts configure it: accounts, least privilege, TLS; against a real Mosquitto. */
class BrokerAccessTest {
    private static final Duration DEADLINE = Await.GENEROUS;
    private static final String RUNTIME_STATUS = "liquide/runtimes/regie-1/status";

    @TempDir
    Path dir;

    private static double latest(SignalBus bus, String name) {
        SignalSample sample = new SignalSample();
        return bus.signal(name).read(sample) ? sample.value(0) : Double.NaN;
    }

    private static Mqtt5BlockingClient client(ShippedBroker broker, String user, String password) {
        var builder = MqttClient.builder().useMqttVersion5().serverHost("127.0.0.1").serverPort(broker.port());
        if (user != null) {
            builder = builder.simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        return builder.buildBlocking();
    }

    private static Mqtt5ConnAckReasonCode refusedWith(Mqtt5BlockingClient client) {
        Mqtt5ConnAckException refused = assertThrows(Mqtt5ConnAckException.class, client::connect);
        return refused.getMqttMessage().getReasonCode();
    }

    @Test
    void anAnonymousClientOrAWrongPasswordCannotConnect() throws Exception {
        try (ShippedBroker broker = ShippedBroker.start(dir, false)) {
            assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusedWith(client(broker, null, null)));
            assertNotEquals(Mqtt5ConnAckReasonCode.SUCCESS, refusedWith(client(broker, "node-entree", "guess")));
            assertNotEquals(Mqtt5ConnAckReasonCode.SUCCESS, refusedWith(client(broker, "render-regie-1", broker.password("node-entree"))));
            Mqtt5BlockingClient node = client(broker, "node-entree", broker.password("node-entree"));
            node.connect();
            node.disconnect();
        }
    }

    @Test
    void aNodeMayPublishOnlyItsOwnReadingsAndTheRuntimeWorksAsBefore() throws Exception {
        try (ShippedBroker broker = ShippedBroker.start(dir, false)) {
            SignalBus bus = new SignalBus();
            List<String> commands = new CopyOnWriteArrayList<>();
            try (MqttSignalSource runtime = new MqttSignalSource(bus, broker.url(),
                    BrokerSecurity.credentials(broker.account("render-regie-1")), RUNTIME_STATUS, NodeRoster.open())) {
                runtime.subscribe(ShippedBroker.SHOW_COMMANDS, message -> commands.add(new String(message.payload(), StandardCharsets.UTF_8)));
                runtime.start();
                Await.until(DEADLINE, "the runtime connected with its account", runtime::connected);

                // The node's own sink, with its credentials file: its readings arrive.
                MqttSettings settings = MqttSettings.defaults(BrokerAddress.parse(broker.url().toString()).orElseThrow(), "entree")
                        .withSecurity(BrokerSecurity.credentials(broker.account("node-entree")));
                try (MqttReadingSink sink = MqttReadingSink.connect(settings)) {
                    Await.until(DEADLINE, "the node connected", sink::isConnected);
                    sink.publish(SensorReading.of("entree", "distance", System.currentTimeMillis(), SensorValue.of(0.75)));
                    Await.until(DEADLINE, "the node's reading", () -> latest(bus, "entree/distance") == 0.75);
                }

                // The same account trying another node's readings, a show command and a runtime's status: Mosquitto
                // refuses each (PUBACK "not authorized").
                Mqtt5BlockingClient intruder = client(broker, "node-entree", broker.password("node-entree"));
                intruder.connect();
                String blackout = "{\"from\": \"entree\", \"command\": \"blackout\", \"on\": true}";
                assertRefused(intruder, "liquide/sensors/table/touch", reading(1));
                assertRefused(intruder, ShippedBroker.SHOW_COMMANDS, blackout.getBytes(StandardCharsets.UTF_8));
                assertRefused(intruder, RUNTIME_STATUS, "offline".getBytes(StandardCharsets.UTF_8));
                // Then one it may send, on the same connection: once it is through, the refused ones would have been too.
                intruder.publishWith().topic("liquide/sensors/entree/marker").payload(reading(2)).qos(MqttQos.AT_LEAST_ONCE).send();
                Await.until(DEADLINE, "the marker", () -> latest(bus, "entree/marker") == 2);
                assertTrue(Double.isNaN(latest(bus, "table/touch")), "another node's reading got through");
                assertEquals(List.of(), commands, "a node's show command got through");
                assertTrue(runtime.connected());
                intruder.disconnect();

                // The monitor account reads but cannot command the show; the render account can.
                Mqtt5BlockingClient monitor = client(broker, "monitor", broker.password("monitor"));
                monitor.connect();
                assertRefused(monitor, ShippedBroker.SHOW_COMMANDS, blackout.getBytes(StandardCharsets.UTF_8));
                monitor.disconnect();
                Mqtt5BlockingClient otherRender = client(broker, "render-regie-1", broker.password("render-regie-1"));
                otherRender.connect();
                otherRender.publishWith().topic(ShippedBroker.SHOW_COMMANDS).payload("{\"from\": \"qlab\", \"command\": \"wake\"}"
                        .getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
                otherRender.disconnect();
                Await.until(DEADLINE, "the render account's command", () -> !commands.isEmpty());
                assertEquals(List.of("{\"from\": \"qlab\", \"command\": \"wake\"}"), commands);
            }
        }
    }

    @Test
    void refusedCredentialsAreSaidOnceAndRetried() throws Exception {
        LogTail tail = LogTail.install(2000);
        try (ShippedBroker broker = ShippedBroker.start(dir, false)) {
            Path wrong = dir.resolve("wrong-credentials");
            Files.writeString(wrong, "render-regie-1:not-the-password\n");
            Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
            try (MqttSignalSource runtime = new MqttSignalSource(new SignalBus(), broker.url(), BrokerSecurity.credentials(wrong),
                    RUNTIME_STATUS, NodeRoster.open()).start()) {
                Await.until(DEADLINE, "three refused attempts", () -> count(broker, "not authorised") >= 3);
                long said = tail.last(2000).stream().filter(l -> l.message().contains("the broker refused the credentials in " + wrong)).count();
                assertEquals(1, said, "one clear line, not one per retry");
                assertFalse(runtime.connected());
            }
        } finally {
            tail.uninstall();
        }
    }

    @Test
    void credentialsReadableByOthersAreNotUsed() throws Exception {
        Path open = dir.resolve("open-credentials");
        Files.writeString(open, "monitor:whatever\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        var error = assertThrows(java.io.IOException.class, () -> org.liquide.hardware.broker.BrokerCredentials.read(open));
        assertTrue(error.getMessage().contains("chmod 600"), error.getMessage());
        var missing = assertThrows(java.io.IOException.class, () -> org.liquide.hardware.broker.BrokerCredentials.read(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("make-credentials"), missing.getMessage());
    }

    @Test
    void overTlsWithTheCaTheScriptMadeReadingsFlow() throws Exception {
        LogTail tail = LogTail.install(2000);
        try (ShippedBroker broker = ShippedBroker.start(dir, true)) {
            SignalBus bus = new SignalBus();
            BrokerSecurity render = BrokerSecurity.credentials(broker.account("render-regie-1")).withCa(broker.ca());
            try (MqttSignalSource runtime = new MqttSignalSource(bus, broker.tlsUrl(), render, RUNTIME_STATUS, NodeRoster.open()).start();
                 MqttReadingSink sink = MqttReadingSink.connect(MqttSettings.defaults(
                         BrokerAddress.parse(broker.tlsUrl().toString()).orElseThrow(), "table")
                         .withSecurity(BrokerSecurity.credentials(broker.account("node-table")).withCa(broker.ca())))) {
                Await.until(DEADLINE, "both connected over TLS", () -> runtime.connected() && sink.isConnected());
                // A sensor publishes again and again: the first readings may come before the runtime's subscription.
                Await.until(DEADLINE, "the reading over TLS", () -> {
                    sink.publish(SensorReading.of("table", "touch", System.currentTimeMillis(), SensorValue.of(1.0)));
                    return latest(bus, "table/touch") == 1;
                });
            }
            // Without the CA, the broker's certificate is not trusted: no connection.
            try (MqttSignalSource untrusting = new MqttSignalSource(new SignalBus(), broker.tlsUrl(),
                    BrokerSecurity.credentials(broker.account("monitor")), null, NodeRoster.open()).start()) {
                Await.until(DEADLINE, "a failed attempt", () -> tail.last(2000).stream()
                        .anyMatch(l -> l.message().contains("cannot reach " + broker.tlsUrl())));
                assertFalse(untrusting.connected());
            }
        } finally {
            tail.uninstall();
        }
    }

    private static void assertRefused(Mqtt5BlockingClient client, String topic, byte[] payload) {
        var refused = assertThrows(Mqtt5PubAckException.class, () -> client.publishWith().topic(topic).payload(payload)
                .qos(MqttQos.AT_LEAST_ONCE).send(), topic);
        assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCode(), topic);
    }

    private static byte[] reading(double value) {
        return ("{\"t\": " + System.currentTimeMillis() + ", \"v\": " + value + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static long count(ShippedBroker broker, String text) {
        try {
            return broker.log().lines().filter(l -> l.contains(text)).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
