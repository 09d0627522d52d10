package org.liquide.dmx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An E1.31 (streaming ACN) data packet as ANSI E1.31-2018 defines it, all fields high byte first:
 * <ul>
 * <li>root layer: preamble size 0x0010, post-amble size 0, the ACN packet identifier {@code "ASC-E1.17\0\0\0"}, flags
 * and length (0x7 and the length from there to the end), vector VECTOR_ROOT_E131_DATA (4), the sender's CID;</li>
 * <li>framing layer: flags and length, vector VECTOR_E131_DATA_PACKET (2), the source name (64 bytes, UTF-8, NUL
 * padded), priority, synchronization address (0: none), sequence number, options (bit 6: stream terminated), universe;</li>
 * <li>DMP layer: flags and length, vector VECTOR_DMP_SET_PROPERTY (2), address and data type 0xa1, first property
 * address 0, address increment 1, property value count (1 + slots), the DMX start code 0 and the slots.</li>
 * </ul>
 */
public record E131Data(UUID cid, String sourceName, int priority, int sequence, boolean terminated, int universe,
                       byte[] slots, int length) {
    public static final int HEADER = 126;
    public static final int ROOT_VECTOR = 0x00000004;
    public static final int FRAMING_VECTOR = 0x00000002;
    public static final int DMP_VECTOR = 0x02;
    public static final int OPTION_TERMINATED = 0x40;
    private static final byte[] ACN_ID = {0x41, 0x53, 0x43, 0x2d, 0x45, 0x31, 0x2e, 0x31, 0x37, 0x00, 0x00, 0x00};
    private static final int SOURCE_NAME = 64;

    public E131Data {
        if (priority < 0 || priority > 200) {
            throw new IllegalArgumentException("priority " + priority + " outside 0..200");
        }
        if (universe < 1 || universe > 63999) {
            throw new IllegalArgumentException("universe " + universe + " outside 1..63999");
        }
        if (length < 1 || length > 512 || length > slots.length) {
            throw new IllegalArgumentException("length " + length + " outside 1..512");
        }
    }

    /** Writes the packet; the buffer is left flipped, ready to send. */
    public ByteBuffer writeTo(ByteBuffer buffer) {
        int total = HEADER + length;
        buffer.clear().order(ByteOrder.BIG_ENDIAN);
        buffer.putShort((short) 0x0010).putShort((short) 0).put(ACN_ID);
        buffer.putShort(flagsAndLength(total - 16)).putInt(ROOT_VECTOR);
        buffer.putLong(cid.getMostSignificantBits()).putLong(cid.getLeastSignificantBits());
        buffer.putShort(flagsAndLength(total - 38)).putInt(FRAMING_VECTOR);
        byte[] name = sourceName.getBytes(StandardCharsets.UTF_8);
        int nameLength = Math.min(name.length, SOURCE_NAME - 1); // NUL-terminated
        buffer.put(name, 0, nameLength);
        for (int i = nameLength; i < SOURCE_NAME; i++) {
            buffer.put((byte) 0);
        }
        buffer.put((byte) priority).putShort((short) 0).put((byte) sequence)
                .put((byte) (terminated ? OPTION_TERMINATED : 0)).putShort((short) universe);
        buffer.putShort(flagsAndLength(total - 115)).put((byte) DMP_VECTOR).put((byte) 0xa1)
                .putShort((short) 0).putShort((short) 1).putShort((short) (length + 1));
        buffer.put((byte) 0); // DMX512 start code: dimmer levels
        buffer.put(slots, 0, length);
        return buffer.flip();
    }

    private static short flagsAndLength(int length) {
        return (short) (0x7000 | length);
    }
}
