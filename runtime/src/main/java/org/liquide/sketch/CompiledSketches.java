package org.liquide.sketch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sketch classes already compiled, by class name and source text, the most recently used kept. A scene
 * that comes back on stage with the same sketch reuses its class: compiling it again at every scene change
 * made a new class loader, new metaspace and new JIT code each time, kept until a full collection unloads
 * them, and over a season of scene changes that is native memory that only grows. An edited sketch has
 * another text, so it compiles anew.
 */
final class CompiledSketches {
    private final int capacity;
    private final Map<String, Class<? extends Sketch>> classes;

    CompiledSketches(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.classes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Class<? extends Sketch>> eldest) {
                return size() > CompiledSketches.this.capacity;
            }
        };
    }

    synchronized Optional<Class<? extends Sketch>> find(String className, String code) {
        return Optional.ofNullable(classes.get(key(className, code)));
    }

    synchronized void keep(String className, String code, Class<? extends Sketch> type) {
        classes.put(key(className, code), type);
    }

    synchronized int size() {
        return classes.size();
    }

    /** A digest, not the text: the cache holds a few bytes per sketch, not its source. */
    private static String key(String className, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(className.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }
}
