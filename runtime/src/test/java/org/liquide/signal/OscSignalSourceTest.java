package org.liquide.signal;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.transport.OSCPortOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liquide.signal.source.OscSignalSource;
import org.liquide.hardware.testing.Await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

class OscSignalSourceTest {
    private final SignalBus bus = new SignalBus();
    private OscSignalSource source;
    private OSCPortOut out;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        source = new OscSignalSource(bus, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).start();
        out = new OSCPortOut(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    @AfterEach
    void stop() throws Exception {
        out.close();
        source.close();
    }

    private double valueOf(String name, int channel) {
        SignalSample sample = new SignalSample();
        return bus.signal(name).read(sample) ? sample.value(channel) : Double.NaN;
    }

    @Test
    void signalsArriveWithAllTheirChannels() throws Exception {
        out.send(new OSCMessage("/liquide/signal/td/fader1", List.of(0.25f)));
        out.send(new OSCMessage("/liquide/signal/xy", List.of(0.2f, 0.8f, 1)));
        Await.until(Await.GENEROUS, "both signals", () -> valueOf("td/fader1", 0) == 0.25 && valueOf("xy", 2) == 1.0);
        assertEquals(0.8, valueOf("xy", 1), 1e-6);
    }

    @Test
    void garbageIsDroppedAndCountedAndTheSourceKeepsWorking() throws Exception {
        out.send(new OSCMessage("/liquide/signal/word", List.of("hello")));
        out.send(new OSCMessage("/other/thing", List.of(1f)));
        out.send(new OSCMessage("/liquide/signal/weird:name", List.of(1f)));
        byte[] noise = new byte[200];
        new Random(7).nextBytes(noise);
        try (DatagramSocket raw = new DatagramSocket()) {
            raw.send(new DatagramPacket(noise, noise.length, InetAddress.getLoopbackAddress(), port));
            byte[] truncated = "/liquide/signal/x\0\0\0,f\0\0".getBytes();
            raw.send(new DatagramPacket(truncated, truncated.length, InetAddress.getLoopbackAddress(), port));
        }
        out.send(new OSCMessage("/liquide/signal/after", List.of(3f)));
        Await.until(Await.GENEROUS, "the good message after the garbage", () -> valueOf("after", 0) == 3.0);
        SignalBus.SourceCounters osc = bus.sources().getFirst();
        assertEquals(1, osc.dropped("not-a-number"));
        assertEquals(1, osc.dropped("unknown-address"));
        assertEquals(1, osc.dropped("bad-name"));
        assertTrue(osc.dropped("malformed") >= 1, osc.droppedByReason().toString());
        assertEquals(1, osc.accepted());
    }

    @Test
    void aThousandRandomAndMutatedPacketsNeitherCrashNorStallTheSource() throws Exception {
        Random random = new Random(42);
        byte[] valid = serialize(new OSCMessage("/liquide/signal/fuzz", List.of(0.5f, 2)));
        try (DatagramSocket raw = new DatagramSocket()) {
            for (int i = 0; i < 1000; i++) {
                byte[] packet;
                if (i % 2 == 0) {
                    packet = new byte[1 + random.nextInt(300)];
                    random.nextBytes(packet);
                } else {
                    packet = java.util.Arrays.copyOf(valid, Math.max(1, random.nextInt(valid.length + 8)));
                    packet[random.nextInt(packet.length)] ^= (byte) (1 << random.nextInt(8));
                }
                raw.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
            }
        }
        // UDP may lose datagrams when the kernel's receive buffer overflows under load, so the proof that
        // the source still listens is a good message getting through, sent again until it does.
        OSCMessage alive = new OSCMessage("/liquide/signal/alive", List.of(1f));
        Await.until(Await.GENEROUS, "a good message after the fuzz", () -> {
            try {
                out.send(alive);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return valueOf("alive", 0) == 1.0;
        });
        SignalBus.SourceCounters osc = bus.sources().getFirst();
        assertTrue(osc.droppedTotal() > 100, "garbage that arrived was counted as dropped: " + osc.droppedByReason());
    }

    private static byte[] serialize(OSCMessage message) throws Exception {
        com.illposed.osc.BufferBytesReceiver bytes = new com.illposed.osc.BufferBytesReceiver(java.nio.ByteBuffer.allocate(256));
        new com.illposed.osc.OSCSerializerAndParserBuilder().buildSerializer(bytes).write(message);
        return bytes.toByteArray();
    }

    @Test
    void liquideCommandsGoToTheCommandHandler() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        source.onCommand((address, arguments) -> received.add(address + " " + arguments));
        out.send(new OSCMessage("/liquide/scene", List.of("biais")));
        Await.until(Await.GENEROUS, "the command", () -> !received.isEmpty());
        assertEquals("/liquide/scene [biais]", received.getFirst());
    }
}
