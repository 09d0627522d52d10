package org.liquide.render.gl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LWJGL's libraries are in the process once {@link NativeLibraries#loadEarly()} returned, so no thread started
 * later loads one of them (LWJGL's path lookup deadlocks with a dlopen on another thread). Checked in a JVM of
 * its own, whose memory map shows what is loaded.
 */
class NativeLibrariesTest {
    /** What the child JVM does: reports GLFW and EGL in its memory map before and after loading early. */
    public static void main(String[] args) throws IOException {
        System.out.println("before " + mapped());
        NativeLibraries.loadEarly();
        System.out.println("after " + mapped());
    }

    private static String mapped() throws IOException {
        String maps = Files.readString(Path.of("/proc/self/maps"));
        return "glfw=" + maps.contains("libglfw") + " egl=" + maps.contains("libEGL");
    }

    @Test
    void lwjglsLibrariesAreLoadedBeforeAnyThreadNeedsThem(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), NativeLibrariesTest.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = child.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertTrue(finished, output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("before glfw=false egl=false"), output);
        assertTrue(output.contains("after glfw=true egl=true"), output);
    }
}
