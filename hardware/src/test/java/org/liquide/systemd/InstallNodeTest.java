package org.liquide.systemd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.ChildRun;
import org.liquide.hardware.testing.PiRoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A node installed as hardware/README.md says, in a temporary root: what its rsync line copies to
 * {@code /opt/liquide} is what {@code install-node} and {@code liquide-node@.service} expect, and the script
 * installs and enables the unit. The docs and the scripts cannot drift apart without this failing.
 */
class InstallNodeTest {
    private static final Path REPO = Path.of("..");

    @TempDir
    Path root;

    /** The sources of hardware/README.md's rsync to the Pi, as written there. */
    private static List<String> documentedCopy() throws IOException {
        String readme = Files.readString(REPO.resolve("hardware/README.md"));
        Matcher rsync = Pattern.compile("rsync -a ((?:[^\\n]|\\\\\\n)*?) pi@entree\\.local:/tmp/liquide/").matcher(readme);
        assertTrue(rsync.find(), "hardware/README.md copies the bundle to the Pi with rsync");
        return Arrays.stream(rsync.group(1).replace("\\\n", " ").trim().split("\\s+")).toList();
    }

    private Path layOutAsDocumented() throws IOException {
        Path home = Files.createDirectories(root.resolve("opt/liquide"));
        for (String source : documentedCopy()) {
            Path from = REPO.resolve(source);
            Path to = home.resolve(from.getFileName().toString());
            if (source.endsWith(".jar") || source.endsWith("/lib")) {
                // the build's outputs: their place matters here, not their content
                if (source.endsWith("/lib")) {
                    Files.createDirectories(to);
                } else {
                    Files.writeString(to, "jar");
                }
            } else if (Files.isDirectory(from)) {
                Files.createDirectories(to);
                try (Stream<Path> files = Files.list(from)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, to.resolve(file.getFileName().toString()));
                    }
                }
            } else {
                Files.copy(from, to);
            }
        }
        return home;
    }

    @Test
    void theDocumentedCopyIsWhatTheScriptAndTheUnitExpect() throws Exception {
        Path home = layOutAsDocumented();
        PiRoot pi = PiRoot.at(root);
        Path account = root.resolve("node-entree"); // copied from the render machine (make-credentials)
        Files.writeString(account, "node-entree:a-password\n");

        ProcessBuilder install = new ProcessBuilder("bash", home.resolve("install-node").toString(), "entree", account.toString());
        install.environment().put("LIQUIDE_ROOT", root.toString());
        install.environment().put("PATH", pi.path());
        ChildRun run = ChildRun.run(install, Duration.ofSeconds(30));
        String output = run.output();
        assertEquals(0, run.exitCode(), output);

        assertTrue(Files.isRegularFile(root.resolve("etc/systemd/system/liquide-node@.service")), output);
        List<String> log = pi.calls();
        assertTrue(log.contains("systemctl enable --now liquide-node@entree.service"), log.toString());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("useradd --system")), log.toString());

        // Every /opt/liquide path the unit names is in the documented layout.
        String unit = Files.readAllLines(home.resolve("liquide-node@.service")).stream()
                .filter(line -> !line.startsWith("#")).collect(java.util.stream.Collectors.joining("\n")).replace("%i", "entree");
        Matcher paths = Pattern.compile("/opt/liquide(/[^\\s':*]*)?").matcher(unit);
        List<String> named = new ArrayList<>();
        while (paths.find()) {
            String path = paths.group();
            named.add(path);
            assertTrue(Files.exists(root.resolve(path.substring(1))), path + " is named by the unit but not copied");
        }
        assertTrue(named.contains("/opt/liquide/nodes/entree.yaml"), named.toString());
        assertTrue(named.contains("/opt/liquide/lib/"), named.toString());
    }

    @Test
    void theShowcaseGuideRunsTheScriptWhereTheBundlePutsIt() throws IOException {
        String guide = Files.readString(REPO.resolve("showcase-config/README.md"));
        assertTrue(guide.contains("sudo /opt/liquide/install-node entree"), "showcase-config/README.md");
        assertFalse(guide.contains("/opt/liquide/showcase-config/"), "one layout: no checkout on the Pis");
        assertFalse(Files.readString(REPO.resolve("hardware/README.md")).matches("(?s).*\\bmvn -.*"),
                "hardware/README.md builds with ./mvnw");
    }
}
