package org.liquide.oscquery;

import java.util.List;
import java.util.function.Supplier;

/**
 * One node of an OSC address space as OSCQuery describes it: a container (no type, {@code contents}) or an
 * OSC method (a type tag string, an access mask, ranges, a value read on demand).
 *
 * @param path        the full OSC address ({@code /} for the root)
 * @param type        the OSC type tag string without the comma ({@code "f"}, {@code "s"}, {@code "N"}); empty for a container
 * @param access      {@link #NONE}, {@link #READ}, {@link #WRITE} or {@link #READ_WRITE}
 * @param range       one entry per type tag (null where a value has no range), or empty
 * @param value       the current value, one Java object per type tag ({@code Float}, {@code Integer}, {@code String},
 *                    {@code Boolean}); an empty list while there is none. Called from server threads: it must
 *                    return at once and never wait on the render thread
 */
public record OscNode(String path, String description, String type, int access, List<ValueRange> range,
                      Supplier<List<Object>> value, List<OscNode> contents) {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int READ_WRITE = 3;
    private static final Supplier<List<Object>> NO_VALUE = List::of;

    public OscNode {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an OSC address starts with /: " + path);
        }
        if (access < NONE || access > READ_WRITE) {
            throw new IllegalArgumentException("access is a mask from 0 to 3, got " + access);
        }
        range = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(range));
        contents = List.copyOf(contents);
        value = value == null ? NO_VALUE : value;
    }

    public static OscNode container(String path, String description, List<OscNode> contents) {
        return new OscNode(path, description, "", NONE, List.of(), NO_VALUE, contents);
    }

    public static OscNode method(String path, String description, String type, int access, List<ValueRange> range,
                                 Supplier<List<Object>> value) {
        return new OscNode(path, description, type, access, range, value, List.of());
    }

    /** The last part of the path ({@code ""} for the root). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean isMethod() {
        return !type.isEmpty();
    }

    public boolean readable() {
        return (access & READ) != 0;
    }
}
