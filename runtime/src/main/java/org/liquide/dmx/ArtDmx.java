package org.liquide.dmx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An ArtDmx packet as Art-Net 4 defines it: {@code "Art-Net\0"}, OpCode 0x5000 (low byte first), protocol version 14
 * (high byte first), Sequence (1 to 255, 0 would turn reordering off), Physical, the 15-bit Port-Address as SubUni
 * (its low 8 bits) and Net (its high 7), the data length (even, 2 to 512, high byte first), then the slots.
 *
 * @param portAddress Net, Sub-Net and Universe together, 0 to 32767
 * @param slots       {@code length} levels are sent from index 0
 */
public record ArtDmx(int sequence, int physical, int portAddress, byte[] slots, int length) {
    public static final int OP_DMX = 0x5000;
    public static final int PROTOCOL_VERSION = 14;
    public static final int HEADER = 18;
    private static final byte[] ID = {'A', 'r', 't', '-', 'N', 'e', 't', 0};

    public ArtDmx {
        if (sequence < 0 || sequence > 255 || physical < 0 || physical > 255) {
            throw new IllegalArgumentException("sequence and physical are bytes");
        }
        if (portAddress < 0 || portAddress > 32767) {
            throw new IllegalArgumentException("port-address " + portAddress + " outside 0..32767");
        }
        if (length < 2 || length > 512 || length % 2 != 0 || length > slots.length) {
            throw new IllegalArgumentException("length " + length + " must be even, 2 to 512");
        }
    }

    /** Writes the packet at the buffer's position; the buffer is left flipped, ready to send. */
    public ByteBuffer writeTo(ByteBuffer buffer) {
        buffer.clear().order(ByteOrder.BIG_ENDIAN);
        buffer.put(ID);
        buffer.put((byte) (OP_DMX & 0xff)).put((byte) (OP_DMX >> 8));
        buffer.putShort((short) PROTOCOL_VERSION);
        buffer.put((byte) sequence).put((byte) physical);
        buffer.put((byte) (portAddress & 0xff)).put((byte) (portAddress >> 8));
        buffer.putShort((short) length);
        buffer.put(slots, 0, length);
        return buffer.flip();
    }
}
