package org.liquide.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory as the kernel counts it. {@code RssAnon} is the native part: with ZGC the Java heap
 * is a shared mapping (counted in {@code RssShmem}), so what {@code RssAnon} holds is what native code and
 * the JVM itself allocated: ONNX Runtime, Mesa, FFmpeg, direct buffers, thread stacks, metaspace.
 */
record ProcessMemory(double residentMiB, double nativeMiB) {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final double MIB = 1024 * 1024;

    /** Now, or zeros where /proc does not tell. */
    static ProcessMemory now() {
        long resident = 0;
        long anonymous = 0;
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    resident = kibibytes(line);
                } else if (line.startsWith("RssAnon:")) {
                    anonymous = kibibytes(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new ProcessMemory(0, 0);
        }
        return new ProcessMemory(resident * 1024 / MIB, anonymous * 1024 / MIB);
    }

    private static long kibibytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
