package org.liquide.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file that people write (configuration, shader, sketch) as UTF-8 text, with a bound: only a
 * regular file (a device such as {@code /dev/zero} or a pipe never ends), at most a given size, and
 * strictly UTF-8. What stops it is reported at its place in the file.
 */
public final class TextFile {
    /** The default bound, 1 MiB: a configuration file, a shader or a sketch is a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    private TextFile() {
    }

    /** The file's text, at most {@link #MAX_BYTES}. */
    public static String read(Path file) throws UnreadableTextException {
        return read(file, MAX_BYTES);
    }

    /** The file's text, at most {@code maxBytes} bytes of it. */
    public static String read(Path file, int maxBytes) throws UnreadableTextException {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new UnreadableTextException(new ConfigError(name, 1, 1, "no such file"));
        }
        if (!Files.isRegularFile(file)) {
            throw new UnreadableTextException(new ConfigError(name, 1, 1,
                    "not a regular file (a folder, a device or a pipe): expected a text file"));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new UnreadableTextException(new ConfigError(name, 1, 1, "no such file"));
        } catch (IOException e) {
            throw new UnreadableTextException(new ConfigError(name, 1, 1, "cannot read the file: " + e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            throw new UnreadableTextException(at(name, bytes, maxBytes, "the file is larger than " + size(maxBytes)
                    + ": expected a text file of a few kilobytes"));
        }
        return decode(name, bytes);
    }

    /** Strict UTF-8: the first byte that is not part of a character is reported where it is. */
    private static String decode(String name, byte[] bytes) throws UnreadableTextException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new UnreadableTextException(at(name, bytes, offset, String.format(
                    "not UTF-8 text (byte 0x%02X): save the file as UTF-8", bytes[offset] & 0xFF)));
        }
        return out.flip().toString();
    }

    /** An error at a byte offset: line and column (in characters) counted up to it. */
    private static ConfigError at(String name, byte[] bytes, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new ConfigError(name, line, column, message);
    }

    private static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
