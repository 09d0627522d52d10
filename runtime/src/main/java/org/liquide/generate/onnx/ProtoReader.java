package org.liquide.generate.onnx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads protocol-buffers fields one at a time from a buffer, skipping what the caller does not ask for
 * without copying it, so a model's large weights are passed over rather than read.
 */
final class ProtoReader {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteBuffer buffer;
    private final int end;
    private int field;
    private int wireType;

    ProtoReader(ByteBuffer buffer) {
        this.buffer = buffer;
        this.end = buffer.limit();
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (buffer.position() >= end) {
            return false;
        }
        long tag = varint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        return true;
    }

    int field() {
        return field;
    }

    long int64() {
        expect(VARINT);
        return varint();
    }

    String string() {
        ByteBuffer bytes = nested();
        byte[] text = new byte[bytes.remaining()];
        bytes.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** The current length-delimited field as a reader of its own. */
    ProtoReader message() {
        return new ProtoReader(nested());
    }

    void skip() {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case FIXED32 -> advance(4);
            default -> throw new IllegalStateException("unsupported protobuf wire type " + wireType + " (field "
                    + field + "): not an ONNX model?");
        }
    }

    private ByteBuffer nested() {
        expect(LENGTH_DELIMITED);
        int length = length();
        ByteBuffer slice = buffer.slice(buffer.position(), length);
        advance(length);
        return slice;
    }

    private int length() {
        long length = varint();
        if (length < 0 || length > end - buffer.position()) {
            throw new IllegalStateException("truncated protobuf field " + field + ": not an ONNX model?");
        }
        return (int) length;
    }

    private void advance(int count) {
        if (count > end - buffer.position()) {
            throw new IllegalStateException("truncated protobuf field " + field + ": not an ONNX model?");
        }
        buffer.position(buffer.position() + count);
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new IllegalStateException("protobuf field " + field + " has wire type " + wireType + ", expected "
                    + type + ": not an ONNX model?");
        }
    }

    private long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new IllegalStateException("truncated protobuf varint: not an ONNX model?");
            }
            byte b = buffer.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalStateException("malformed protobuf varint: not an ONNX model?");
    }
}
