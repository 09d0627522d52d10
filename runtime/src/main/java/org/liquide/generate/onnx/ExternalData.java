package org.liquide.generate.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The side file of an ONNX model's external weights: tensors appended one after the other, each at an
 * offset aligned to {@link #ALIGNMENT} bytes, encoded through one reused buffer so that a weight of a
 * gigabyte never sits in memory.
 */
final class ExternalData implements AutoCloseable {
    static final int ALIGNMENT = 64;
    private static final int CHUNK_BYTES = 1 << 20;

    /** The values of a tensor, one after the other. */
    interface Values {
        float next();
    }

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long size;

    private ExternalData(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static ExternalData create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new ExternalData(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    Path file() {
        return file;
    }

    /** Appends {@code count} values as {@code type}; returns the offset they start at. */
    long append(ElementType type, long count, Values values) throws IOException {
        long offset = (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        channel.position(offset);
        long left = count;
        while (left > 0) {
            long now = Math.min(left, CHUNK_BYTES / type.byteSize());
            chunk.clear();
            encode(type, now, values, chunk);
            chunk.flip();
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
            left -= now;
        }
        size = offset + count * type.byteSize();
        return offset;
    }

    /** Puts {@code count} values into {@code target} as little-endian float32 or float16. */
    static void encode(ElementType type, long count, Values values, ByteBuffer target) {
        for (long i = 0; i < count; i++) {
            switch (type) {
                case FLOAT32 -> target.putFloat(values.next());
                case FLOAT16 -> target.putShort(Float.floatToFloat16(values.next()));
                default -> throw new IllegalArgumentException("weights are float32 or float16, not " + type);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.force(false);
            channel.close();
        }
    }
}
