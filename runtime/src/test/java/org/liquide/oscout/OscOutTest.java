package org.liquide.oscout;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.CapturedLog;
import org.liquide.net.UdpLink;
import org.liquide.signal.SignalBus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** OSC out to a real UDP listener that decodes the packets as the OSC 1.0 specification defines them. */
class OscOutTest {
    private CapturedLog log;

    @BeforeEach
    void captureLog() {
        log = CapturedLog.of(UdpLink.class).at(Level.INFO); // the show's level: the tests' configuration says WARN
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private static OscTarget events(int port) {
        return new OscTarget("127.0.0.1", port, true, 30, List.of());
    }

    @Test
    void whatTheShowDoesArrivesInOrderInBundlesTaggedWithWhenItHappened() throws Exception {
        try (OscReceiver receiver = new OscReceiver();
             OscOut out = new OscOut(List.of(events(receiver.port())), new SignalBus(), Clock.systemUTC()).start()) {
            double before = System.currentTimeMillis() / 1000.0;
            out.sceneChanged("ecriture-liquide");
            out.blackout(true);
            out.blackout(false);
            out.asleep(true);
            out.asleep(false);
            out.cue("ecriture-liquide", 2, 12.5);
            double after = System.currentTimeMillis() / 1000.0;
            List<OscReceiver.Message> messages = new ArrayList<>();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (messages.size() < 6 && System.nanoTime() < deadline) {
                messages.addAll(receiver.next(500));
            }
            assertEquals(List.of("/liquide/scene", "/liquide/blackout", "/liquide/blackout", "/liquide/sleep", "/liquide/wake",
                    "/liquide/cue"), messages.stream().map(OscReceiver.Message::address).toList());
            assertEquals(List.of("ecriture-liquide"), messages.get(0).arguments());
            assertEquals(List.of(1), messages.get(1).arguments());
            assertEquals(List.of(0), messages.get(2).arguments());
            assertEquals(List.of(), messages.get(3).arguments());
            assertEquals(List.of("ecriture-liquide", 2, 12.5f), messages.get(5).arguments());
            for (OscReceiver.Message message : messages) {
                double at = OscReceiver.epochSeconds(message.timeTag());
                assertTrue(at >= before - 0.01 && at <= after + 0.01, "time tag " + at + " within " + before + ".." + after);
            }
        }
    }

    @Test
    void chosenSignalsGoRawOrMappedNeverFasterThanTheTargetsRate() throws Exception {
        SignalBus bus = new SignalBus();
        bus.publish("mqtt", "presence", new double[]{1.0, 0.5}, 2, 0);
        bus.publish("mqtt", "distance", new double[]{1.15}, 1, 0);
        try (OscReceiver receiver = new OscReceiver()) {
            OscTarget target = new OscTarget("127.0.0.1", receiver.port(), false, 20, List.of(
                    OscSignalOut.raw("presence"),
                    new OscSignalOut("distance", "/live/track/1/volume", true, 0.3, 2.0, 127, 0),
                    OscSignalOut.raw("never-sent")));
            try (OscOut out = new OscOut(List.of(target), bus, Clock.systemUTC()).start()) {
                out.sceneChanged("not for this target");
                List<Long> tags = new ArrayList<>();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (tags.size() < 5 && System.nanoTime() < deadline) {
                    List<OscReceiver.Message> bundle = receiver.next(500);
                    if (bundle.isEmpty()) {
                        continue;
                    }
                    assertEquals(2, bundle.size(), "a signal never received is not sent: " + bundle);
                    assertEquals(new OscReceiver.Message("/liquide/signal/presence", List.of(1.0f, 0.5f), bundle.get(0).timeTag()),
                            bundle.get(0));
                    assertEquals("/live/track/1/volume", bundle.get(1).address());
                    assertEquals(63.5f, (float) bundle.get(1).arguments().getFirst(), 1e-3f, "(1.15 - 0.3) / 1.7 of 127 down to 0");
                    tags.add(bundle.get(0).timeTag());
                }
                assertEquals(5, tags.size());
                for (int i = 1; i < tags.size(); i++) {
                    double gap = OscReceiver.epochSeconds(tags.get(i)) - OscReceiver.epochSeconds(tags.get(i - 1));
                    assertTrue(gap >= 0.045, "20 a second at most: " + gap + " s between two bundles");
                }
            }
        }
    }

    @Test
    void aTargetThatDisappearsIsLoggedOnceRetriedAndServedAgainWhenItReturns() throws Exception {
        int port;
        try (OscReceiver probe = new OscReceiver()) {
            port = probe.port();
        }
        try (OscOut out = new OscOut(List.of(events(port)), new SignalBus(), Clock.systemUTC()).start()) {
            String name = "127.0.0.1:" + port;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (out.reachable(name) && System.nanoTime() < deadline) {
                out.blackout(true);
                Thread.sleep(20);
            }
            assertFalse(out.reachable(name), "nothing listens: the port is unreachable");
            for (int i = 0; i < 30; i++) {
                out.blackout(true); // attempts go on, and are not logged again
                Thread.sleep(20);
            }
            try (OscReceiver receiver = new OscReceiver(port)) {
                List<OscReceiver.Message> received = List.of();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    out.sceneChanged("back");
                    received = receiver.next(200);
                }
                assertFalse(received.isEmpty(), "the target is served again once it listens");
                while (!out.reachable(name) && System.nanoTime() < deadline) {
                    out.sceneChanged("back");
                    receiver.next(200);
                }
                assertTrue(out.reachable(name));
            }
            List<String> warnings = log.messages(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.getFirst().startsWith("OSC out: cannot send to " + name + " ("), warnings.getFirst());
            assertTrue(log.messages().contains("OSC out: " + name + " is reachable again"), log.messages().toString());
        }
    }
}
