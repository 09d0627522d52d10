package org.liquide.oscout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A UDP listener on a free loopback port that decodes OSC 1.0 packets as the specification defines them,
 * independently of the library the show encodes with: messages (address, type tags, int32, float32,
 * string) and bundles ("#bundle", a 64-bit NTP time tag, size-prefixed elements).
 */
final class OscReceiver implements AutoCloseable {
    /** A message, with the time tag of the bundle it came in (0 when it came alone). */
    record Message(String address, List<Object> arguments, long timeTag) {
    }

    private final DatagramSocket socket;

    OscReceiver() throws IOException {
        this(0);
    }

    OscReceiver(int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The messages of the next packet, or an empty list when none comes within the timeout. */
    List<Message> next(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        byte[] data = new byte[65536];
        DatagramPacket packet = new DatagramPacket(data, data.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        decode(ByteBuffer.wrap(data, 0, packet.getLength()).slice(), 0, messages);
        return messages;
    }

    static void decode(ByteBuffer packet, long timeTag, List<Message> into) {
        String first = string(packet);
        if (first.equals("#bundle")) {
            long tag = packet.getLong();
            while (packet.hasRemaining()) {
                int size = packet.getInt();
                ByteBuffer element = packet.slice(packet.position(), size);
                packet.position(packet.position() + size);
                decode(element, tag, into);
            }
            return;
        }
        if (!first.startsWith("/")) {
            throw new IllegalArgumentException("not an OSC address: " + first);
        }
        String tags = packet.hasRemaining() ? string(packet) : ",";
        if (!tags.startsWith(",")) {
            throw new IllegalArgumentException("no type tag string: " + tags);
        }
        List<Object> arguments = new ArrayList<>();
        for (char tag : tags.substring(1).toCharArray()) {
            arguments.add(switch (tag) {
                case 'i' -> packet.getInt();
                case 'f' -> packet.getFloat();
                case 's' -> string(packet);
                case 'T' -> true;
                case 'F' -> false;
                default -> throw new IllegalArgumentException("type tag " + tag + " not expected here");
            });
        }
        into.add(new Message(first, arguments, timeTag));
    }

    /** An OSC-string: ASCII, null-terminated, padded to a multiple of 4 bytes. */
    private static String string(ByteBuffer packet) {
        int start = packet.position();
        int end = start;
        while (packet.get(end) != 0) {
            end++;
        }
        String text = new String(packet.array(), packet.arrayOffset() + start, end - start, StandardCharsets.US_ASCII);
        packet.position(start + ((end - start) / 4 + 1) * 4);
        return text;
    }

    /** Seconds since 1970 of an NTP time tag (seconds since 1900 in the high 32 bits). */
    static double epochSeconds(long timeTag) {
        long seconds = timeTag >>> 32;
        long fraction = timeTag & 0xFFFFFFFFL;
        return seconds - 2_208_988_800L + fraction / 4294967296.0;
    }

    @Override
    public void close() {
        socket.close();
    }
}
