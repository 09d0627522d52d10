package org.liquide.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The V4L2 devices present on this machine. */
public final class CameraDevices {
    private CameraDevices() {
    }

    /** {@code /dev/video*} paths, sorted; empty when there are none. */
    public static List<String> list() {
        try (Stream<Path> entries = Files.list(Path.of("/dev"))) {
            return entries.map(Path::toString)
                    .filter(name -> name.matches("/dev/video\\d+"))
                    .sorted()
                    .toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** "found: /dev/video0, /dev/video1" or "no video devices found". */
    public static String summary() {
        List<String> devices = list();
        return devices.isEmpty() ? "no video devices found (/dev/video*)" : "devices found: " + String.join(", ", devices);
    }
}
