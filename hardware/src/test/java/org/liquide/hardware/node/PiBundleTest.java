package org.liquide.hardware.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.ChildRun;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The node bundle a Raspberry Pi runs ({@code java -cp 'liquide-hardware.jar:lib/*' ...NodeMain}) holds the real
 * GPIO and I2C providers, and on a machine without that hardware the node says what is missing and exits 2.
 */
class PiBundleTest {
    private static final Path LIB = Path.of("target", "lib");

    @TempDir
    Path dir;

    private static List<Path> providerJars() throws IOException {
        try (Stream<Path> files = Files.list(LIB)) {
            return files.filter(f -> f.getFileName().toString().matches("(pi4j-(plugin|library)-(linuxfs|gpiod)|jna)-.*\\.jar"))
                    .sorted().toList();
        }
    }

    @Test
    void theBundleHoldsTheLinuxfsAndGpiodProvidersWithTheirNativesForBothPiArchitectures() throws IOException {
        List<String> names = providerJars().stream().map(f -> f.getFileName().toString().replaceAll("-[0-9.]+\\.jar$", "")).toList();
        assertEquals(List.of("jna", "pi4j-library-gpiod", "pi4j-library-linuxfs", "pi4j-plugin-gpiod", "pi4j-plugin-linuxfs"), names);
        for (String library : List.of("gpiod", "linuxfs")) {
            Path jar = providerJars().stream().filter(f -> f.getFileName().toString().startsWith("pi4j-library-" + library)).findFirst().orElseThrow();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (String arch : List.of("aarch64", "armhf")) {
                    assertNotNull(zip.getEntry("lib/" + arch + "/pi4j-" + library + "/libpi4j-" + library + ".so"), arch + " in " + jar);
                }
            }
        }
    }

    @Test
    void withoutThePisDevicesTheNodeSaysWhichAreMissingAndExitsTwo() throws Exception {
        Path node = dir.resolve("entree.yaml");
        Files.copy(Path.of("..", "showcase-config", "nodes", "entree.yaml"), node);
        String classPath = System.getProperty("java.class.path") + File.pathSeparator
                + String.join(File.pathSeparator, providerJars().stream().map(Path::toString).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, NodeMain.class.getName(), node.toString(),
                "--broker", "tcp://127.0.0.1:1"));
        ChildRun run = ChildRun.run(new ProcessBuilder(command), Duration.ofSeconds(120)); // it gives up by itself
        String output = run.output();
        assertEquals(2, run.exitCode(), output);
        assertTrue(output.contains("node entree: this machine has no /dev/i2c-1 (I2C bus 1, for the linuxfs provider)"
                + " and no /dev/gpiochip0 (GPIO, for the gpiod provider)"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }
}
