package org.liquide.hardware.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A Raspberry Pi's root for {@code install-node} to install into ({@code LIQUIDE_ROOT}): a Java 25 at
 * {@code usr/bin/java}, the systemd folder, and stubs of the system commands the script runs ({@code id} says
 * there is no {@code liquide} account yet; {@code useradd}, {@code chown} and {@code systemctl} log their
 * arguments to {@code calls.log}).
 */
public final class PiRoot {
    private final Path root;

    private PiRoot(Path root) {
        this.root = root;
    }

    public static PiRoot at(Path root) throws IOException {
        executable(root.resolve("usr/bin/java"), "#!/bin/sh\necho 'openjdk version \"25.0.1\" 2025-10-21' >&2\n");
        Files.createDirectories(root.resolve("etc/systemd/system"));
        Path calls = root.resolve("calls.log");
        for (String command : List.of("useradd", "chown", "systemctl")) {
            executable(root.resolve("stubs").resolve(command), "#!/bin/sh\necho \"" + command + " $*\" >> '" + calls + "'\n");
        }
        executable(root.resolve("stubs/id"), "#!/bin/sh\nexit 1\n");
        return new PiRoot(root);
    }

    /** The PATH for the script: the stubs first. */
    public String path() {
        return root.resolve("stubs") + ":" + System.getenv("PATH");
    }

    /** What the stubbed commands were asked to do, one line each. */
    public List<String> calls() throws IOException {
        Path calls = root.resolve("calls.log");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    public static void executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
