package org.liquide.dmx;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DMX-over-IP receiver on loopback, as a node or a desk's input would be: decodes each datagram field by field as
 * Art-Net 4 (ArtDmx) and ANSI E1.31-2018 (data packet) define them, and fails the test on any field out of spec.
 */
final class DmxReceiver implements AutoCloseable {
    /** What an ArtDmx packet carried. */
    record ArtDmxFrame(int sequence, int physical, int portAddress, int[] slots) {
    }

    /** What an E1.31 data packet carried. */
    record E131Frame(UUID cid, String sourceName, int priority, int sequence, int options, int universe, int[] slots) {
        boolean terminated() {
            return (options & 0x40) != 0;
        }
    }

    private final DatagramSocket socket;

    DmxReceiver() throws IOException {
        this(0);
    }

    DmxReceiver(int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    int port() {
        return socket.getLocalPort();
    }

    private ByteBuffer receive(int timeoutMillis) throws IOException {
        byte[] data = new byte[2048];
        DatagramPacket packet = new DatagramPacket(data, data.length);
        socket.setSoTimeout(timeoutMillis);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return ByteBuffer.wrap(data, 0, packet.getLength()).slice();
    }

    /** The next ArtDmx packet, or null when none came within the wait. */
    ArtDmxFrame nextArtDmx(int timeoutMillis) throws IOException {
        ByteBuffer p = receive(timeoutMillis);
        if (p == null) {
            return null;
        }
        byte[] id = new byte[8];
        p.get(id);
        assertArrayEquals("Art-Net\0".getBytes(StandardCharsets.US_ASCII), id, "ID");
        int opcode = (p.get() & 0xff) | (p.get() & 0xff) << 8; // OpCode: low byte first
        assertEquals(0x5000, opcode, "OpDmx");
        int version = (p.get() & 0xff) << 8 | (p.get() & 0xff); // ProtVerHi, ProtVerLo
        assertEquals(14, version, "protocol version");
        int sequence = p.get() & 0xff;
        int physical = p.get() & 0xff;
        int subUni = p.get() & 0xff;
        int net = p.get() & 0xff;
        assertEquals(0, net & 0x80, "Net is 7 bits");
        int length = (p.get() & 0xff) << 8 | (p.get() & 0xff); // LengthHi, Length
        assertTrue(length >= 2 && length <= 512 && length % 2 == 0, "length even, 2 to 512: " + length);
        assertEquals(length, p.remaining(), "the data is as long as Length says");
        int[] slots = new int[length];
        for (int i = 0; i < length; i++) {
            slots[i] = p.get() & 0xff;
        }
        return new ArtDmxFrame(sequence, physical, net << 8 | subUni, slots);
    }

    /** The next E1.31 data packet, or null when none came within the wait. */
    E131Frame nextE131(int timeoutMillis) throws IOException {
        ByteBuffer p = receive(timeoutMillis);
        if (p == null) {
            return null;
        }
        int total = p.remaining();
        // root layer
        assertEquals(0x0010, p.getShort(), "preamble size");
        assertEquals(0x0000, p.getShort(), "post-amble size");
        byte[] id = new byte[12];
        p.get(id);
        assertArrayEquals(new byte[]{0x41, 0x53, 0x43, 0x2d, 0x45, 0x31, 0x2e, 0x31, 0x37, 0, 0, 0}, id, "ACN packet identifier");
        flagsAndLength(p.getShort(), total - 16, "root");
        assertEquals(0x00000004, p.getInt(), "VECTOR_ROOT_E131_DATA");
        UUID cid = new UUID(p.getLong(), p.getLong());
        // framing layer
        flagsAndLength(p.getShort(), total - 38, "framing");
        assertEquals(0x00000002, p.getInt(), "VECTOR_E131_DATA_PACKET");
        byte[] name = new byte[64];
        p.get(name);
        int end = 0;
        while (end < 64 && name[end] != 0) {
            end++;
        }
        assertTrue(end < 64, "source name NUL-terminated");
        int priority = p.get() & 0xff;
        assertTrue(priority <= 200, "priority 0 to 200");
        assertEquals(0, p.getShort(), "synchronization address: none");
        int sequence = p.get() & 0xff;
        int options = p.get() & 0xff;
        int universe = p.getShort() & 0xffff;
        assertTrue(universe >= 1 && universe <= 63999, "universe 1 to 63999: " + universe);
        // DMP layer
        flagsAndLength(p.getShort(), total - 115, "DMP");
        assertEquals(0x02, p.get(), "VECTOR_DMP_SET_PROPERTY");
        assertEquals((byte) 0xa1, p.get(), "address type and data type");
        assertEquals(0x0000, p.getShort(), "first property address");
        assertEquals(0x0001, p.getShort(), "address increment");
        int count = p.getShort() & 0xffff;
        assertTrue(count >= 1 && count <= 513, "property value count 1 to 513");
        assertEquals(count, p.remaining(), "the values are as many as the count says");
        assertEquals(0, p.get(), "DMX512 start code");
        int[] slots = new int[count - 1];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = p.get() & 0xff;
        }
        return new E131Frame(cid, new String(Arrays.copyOf(name, end), StandardCharsets.UTF_8), priority, sequence, options,
                universe, slots);
    }

    private static void flagsAndLength(short field, int length, String layer) {
        assertEquals(0x7, (field >> 12) & 0xf, layer + " layer flags");
        assertEquals(length, field & 0x0fff, layer + " layer length");
    }

    @Override
    public void close() {
        socket.close();
    }
}
