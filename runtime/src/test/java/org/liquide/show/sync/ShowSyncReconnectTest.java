package org.liquide.show.sync;

import org.liquide.showcase.SyncRole;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.MqttProbe;
import org.liquide.hardware.testing.TcpGate;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.signal.source.NodeRoster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A runtime's broker connection cut several times (a real Mosquitto behind a relay the test cuts): each
 * subscription is made once per connection, so a command is applied once and a reading arrives once, and a
 * retained command is not replayed by the reconnection.
 */
class ShowSyncReconnectTest {
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String COMMANDS = ShowSync.commandTopic("test");

    private final List<ShowCommand> applied = new CopyOnWriteArrayList<>();

    private static byte[] command(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private long count(ShowCommand command) {
        return applied.stream().filter(command::equals).count();
    }

    /** Publishes a marker command until it arrives: the command subscription works on this connection. */
    private void awaitSubscribed(MqttProbe controller, String marker) throws Exception {
        ShowCommand expected = new ShowCommand.SwitchScene(marker, 0);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (count(expected) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the command subscription never worked again (" + marker + ")");
            }
            controller.publish(COMMANDS, command("{\"from\":\"qlab\",\"command\":\"scene\",\"scene\":\"" + marker + "\",\"transition\":0}"));
            long wait = System.nanoTime() + 300_000_000L;
            while (count(expected) == 0 && System.nanoTime() < wait) {
                Thread.sleep(10);
            }
        }
    }

    private static void reconnect(TcpGate gate, MqttSignalSource mqtt, int connectionsBefore) {
        gate.cut();
        Await.until(WITHIN, "the runtime connected again", () -> gate.connections() > connectionsBefore && mqtt.connected());
    }

    @Test
    void aCommandAndAReadingArriveOnceAfterSeveralReconnections() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start();
             TcpGate gate = new TcpGate(broker.port());
             MqttProbe controller = MqttProbe.subscribe(broker.port(), "liquide/runtimes/#")) {
            SignalBus bus = new SignalBus();
            try (MqttSignalSource mqtt = new MqttSignalSource(bus, URI.create(gate.url()), "liquide/runtimes/regie-a/status", NodeRoster.open())) {
                new ShowSync("test", "regie-a", SyncRole.PEER, mqtt, bus, applied::add);
                mqtt.start();
                Await.until(WITHIN, "connected", mqtt::connected);
                for (int i = 0; i < 4; i++) {
                    reconnect(gate, mqtt, gate.connections());
                }
                awaitSubscribed(controller, "ready");

                controller.publish(COMMANDS, command("{\"from\":\"qlab\",\"command\":\"blackout\",\"on\":true}"));
                controller.publish("liquide/sensors/entree/distance", command("{\"t\": 1767225600000, \"v\": 812}"));
                awaitSubscribed(controller, "after");
                Await.until(WITHIN, "the reading", () -> latest(bus, "entree/distance") == 812);
                controller.publish("liquide/sensors/entree/distance", command("{\"t\": 1767225600001, \"v\": 813}"));
                Await.until(WITHIN, "the second reading", () -> latest(bus, "entree/distance") == 813);

                assertEquals(1, count(new ShowCommand.Blackout(true)), "applied once: " + applied);
                assertEquals(2, accepted(bus), "each reading published on the bus once");
            }
        }
    }

    @Test
    void aRetainedCommandIsIgnoredAndNotReplayedOnReconnection() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start();
             TcpGate gate = new TcpGate(broker.port());
             MqttProbe controller = MqttProbe.subscribe(broker.port(), "liquide/runtimes/#")) {
            controller.publishRetained(COMMANDS, command("{\"from\":\"qlab\",\"command\":\"sleep\"}"));
            SignalBus bus = new SignalBus();
            try (MqttSignalSource mqtt = new MqttSignalSource(bus, URI.create(gate.url()), "liquide/runtimes/regie-a/status", NodeRoster.open())) {
                new ShowSync("test", "regie-a", SyncRole.PEER, mqtt, bus, applied::add);
                mqtt.start();
                awaitSubscribed(controller, "ready");
                controller.publishRetained(COMMANDS, command("{\"from\":\"qlab\",\"command\":\"blackout\",\"on\":true}"));
                awaitSubscribed(controller, "live");
                assertEquals(1, count(new ShowCommand.Blackout(true)), "a live command applies once, retained or not");

                reconnect(gate, mqtt, gate.connections());
                awaitSubscribed(controller, "reconnected");
                Await.until(WITHIN, "the retained commands counted as refused", () -> dropped(bus, "retained") >= 2);
                assertEquals(1, count(new ShowCommand.Blackout(true)), "the retained blackout not applied again: " + applied);
                assertEquals(0, count(new ShowCommand.Sleep()), "a retained command found on subscribing is not applied: " + applied);
            }
        }
    }

    private static double latest(SignalBus bus, String name) {
        SignalSample sample = new SignalSample();
        return bus.signal(name).read(sample) ? sample.value(0) : Double.NaN;
    }

    private static long accepted(SignalBus bus) {
        return bus.sources().stream().filter(s -> s.source().equals(MqttSignalSource.SOURCE)).mapToLong(SignalBus.SourceCounters::accepted).sum();
    }

    private static long dropped(SignalBus bus, String reason) {
        return bus.sources().stream().filter(s -> s.source().equals(ShowSync.SOURCE)).mapToLong(s -> s.dropped(reason)).sum();
    }
}
