package org.liquide.dmx;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.CapturedLog;
import org.liquide.net.UdpLink;
import org.liquide.signal.mapping.ParameterTarget;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** DMX out to real UDP receivers that decode Art-Net and E1.31 as their specifications define them. */
class DmxOutTest {
    private static final long DEADLINE_NANOS = 20_000_000_000L;
    private CapturedLog log;

    @BeforeEach
    void captureLog() {
        log = CapturedLog.of(UdpLink.class).at(Level.INFO); // the show's level: the tests' configuration says WARN
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private static DmxConfig config(DmxTarget target, DmxChannel... channels) {
        return new DmxConfig(44, List.of(target), List.of(channels));
    }

    private static ParameterTarget target(DmxLevels levels, String name) {
        return levels.target("dmx." + name).orElseThrow();
    }

    @Test
    void artDmxCarriesTheMappedLevelsOnThePortAddressWithARisingSequence() throws Exception {
        try (DmxReceiver node = new DmxReceiver()) {
            // Net 1, Sub-Net 2, Universe 3: port-address 0x123
            DmxTarget target = new DmxTarget(DmxProtocol.ART_NET, "127.0.0.1", node.port(), 0x123);
            DmxLevels levels = new DmxLevels(List.of(new DmxChannel("house", 0x123, 1, false, 0, 0),
                    new DmxChannel("pan", 0x123, 10, true, 0.25, 0), new DmxChannel("wash", 0x123, 512, false, 0, 0)));
            target(levels, "house").set(0.5);
            target(levels, "wash").set(7); // clamped to full
            try (DmxOut out = new DmxOut(config(target), levels, "test").start()) {
                DmxReceiver.ArtDmxFrame first = node.nextArtDmx(10_000);
                assertNotNull(first, "a frame arrives");
                assertEquals(0x123, first.portAddress());
                assertEquals(0, first.physical());
                assertEquals(512, first.slots().length, "the whole universe");
                assertEquals(128, first.slots()[0], "0.5 of 255, rounded");
                assertEquals(0x40, first.slots()[9], "fine channel: coarse byte of 0.25 of 65535");
                assertEquals(0x00, first.slots()[10], "fine channel: fine byte");
                assertEquals(255, first.slots()[511]);
                for (int i = 1; i < 9; i++) {
                    assertEquals(0, first.slots()[i], "slots no channel names stay at 0");
                }
                int previous = first.sequence();
                assertTrue(previous >= 1 && previous <= 255, "sequence 1 to 255 (0 turns reordering off)");
                for (int i = 0; i < 10; i++) {
                    DmxReceiver.ArtDmxFrame next = node.nextArtDmx(10_000);
                    assertEquals(previous % 255 + 1, next.sequence(), "each frame the next sequence number");
                    previous = next.sequence();
                }
                target(levels, "house").set(0.2);
                DmxReceiver.ArtDmxFrame moved = awaitArtDmx(node, f -> f.slots()[0] == 51);
                assertEquals(51, moved.slots()[0], "a new level goes out at the next frame");
            }
        }
    }

    @Test
    void e131DataPacketsCarryTheLevelsThroughRootFramingAndDmpLayersAndTheStreamEndsOnClose() throws Exception {
        try (DmxReceiver receiver = new DmxReceiver()) {
            DmxTarget target = new DmxTarget(DmxProtocol.SACN, "127.0.0.1", receiver.port(), 7);
            DmxLevels levels = new DmxLevels(List.of(new DmxChannel("red", 7, 3, false, 1.0, 0)));
            DmxReceiver.E131Frame first;
            try (DmxOut out = new DmxOut(config(target), levels, "salle regie")) {
                out.start();
                first = receiver.nextE131(10_000);
                assertNotNull(first);
                assertEquals(7, first.universe());
                assertEquals(100, first.priority(), "the default priority");
                assertEquals("Liquide salle regie", first.sourceName());
                assertFalse(first.terminated());
                assertEquals(512, first.slots().length);
                assertEquals(255, first.slots()[2]);
                DmxReceiver.E131Frame second = receiver.nextE131(10_000);
                assertEquals((first.sequence() + 1) & 0xff, second.sequence(), "the sequence rises by one");
                assertEquals(first.cid(), second.cid(), "one source, one CID");
            }
            DmxReceiver.E131Frame last;
            do {
                last = receiver.nextE131(10_000);
                assertNotNull(last, "the stream's end is announced");
            } while (!last.terminated());
            assertEquals(java.util.UUID.nameUUIDFromBytes("liquide salle regie".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    last.cid(), "the same CID at every start");
        }
    }

    @Test
    void blackoutAndSleepFadeEveryChannelToItsSafeLevelAndBack() throws Exception {
        try (DmxReceiver node = new DmxReceiver()) {
            DmxTarget target = new DmxTarget(DmxProtocol.ART_NET, "127.0.0.1", node.port(), 0);
            DmxLevels levels = new DmxLevels(List.of(new DmxChannel("wash", 0, 1, false, 0, 0),
                    new DmxChannel("house", 0, 2, false, 0, 1.0)));
            target(levels, "wash").set(1);
            target(levels, "house").set(0.2);
            try (DmxOut out = new DmxOut(config(target), levels, "test").start()) {
                awaitArtDmx(node, f -> f.slots()[0] == 255 && f.slots()[1] == 51);
                out.blackout(true);
                DmxReceiver.ArtDmxFrame black = awaitArtDmx(node, f -> f.slots()[0] == 0 && f.slots()[1] == 255);
                for (int i = 2; i < 512; i++) {
                    assertEquals(0, black.slots()[i]);
                }
                out.blackout(false);
                awaitArtDmx(node, f -> f.slots()[0] == 255 && f.slots()[1] == 51);
                out.asleep(true);
                awaitArtDmx(node, f -> f.slots()[0] == 0 && f.slots()[1] == 255);
                target(levels, "wash").set(0.6); // mappings go on while asleep, unseen
                for (int i = 0; i < 5; i++) {
                    assertEquals(0, node.nextArtDmx(10_000).slots()[0]);
                }
                out.asleep(false);
                awaitArtDmx(node, f -> f.slots()[0] == 153 && f.slots()[1] == 51);
            }
        }
    }

    @Test
    void aTargetThatDisappearsIsLoggedOnceRetriedAndServedAgain() throws Exception {
        int port;
        try (DmxReceiver probe = new DmxReceiver()) {
            port = probe.port();
        }
        DmxTarget target = new DmxTarget(DmxProtocol.ART_NET, "127.0.0.1", port, 0);
        DmxLevels levels = new DmxLevels(List.of(new DmxChannel("house", 0, 1, false, 0.5, 0)));
        try (DmxOut out = new DmxOut(config(target), levels, "test").start()) {
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            while (out.reachable(target) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(out.reachable(target), "nothing listens: the node is unreachable");
            long framesWhileDown = out.framesSent();
            while (out.framesSent() < framesWhileDown + 30 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // frames go on (and fail) while it is away
            }
            try (DmxReceiver node = new DmxReceiver(port)) {
                assertNotNull(node.nextArtDmx(15_000), "the node is served again once it listens");
                while (!out.reachable(target) && System.nanoTime() < deadline) {
                    node.nextArtDmx(200);
                }
                assertTrue(out.reachable(target));
            }
        }
        List<String> warnings = log.messages(Level.WARN);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith("Art-Net: cannot send to 127.0.0.1:" + port + " ("), warnings.getFirst());
        assertTrue(log.messages().contains("Art-Net: 127.0.0.1:" + port + " is reachable again"), log.messages().toString());
    }

    private static DmxReceiver.ArtDmxFrame awaitArtDmx(DmxReceiver node, Predicate<DmxReceiver.ArtDmxFrame> condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        DmxReceiver.ArtDmxFrame last = null;
        while (System.nanoTime() < deadline) {
            DmxReceiver.ArtDmxFrame frame = node.nextArtDmx(1000);
            if (frame != null) {
                last = frame;
                if (condition.test(frame)) {
                    return frame;
                }
            }
        }
        fail("no frame met the condition; the last: " + (last == null ? "none" : java.util.Arrays.toString(
                java.util.Arrays.copyOf(last.slots(), 4))));
        return null;
    }
}
