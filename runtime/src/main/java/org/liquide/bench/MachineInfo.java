package org.liquide.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.glGetString;

/** The machine and software a run measured, for the report's header. */
public record MachineInfo(String cpu, int cores, String memoryText, String renderer, String javaVersion, String gcNames,
                          String os, String ffmpegVersion, String date) {

    public static MachineInfo describe() {
        return new MachineInfo(cpuModel(), Runtime.getRuntime().availableProcessors(), readMemory(), readGlRenderer(),
                System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")",
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                FfmpegCli.find().map(FfmpegCli::version).orElse("not installed"),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("- CPU: " + cpu + ", " + cores + " logical cores");
        lines.add("- Memory: " + memoryText);
        lines.add("- GL renderer: " + renderer);
        lines.add("- Java: " + javaVersion + "; GC: " + gcNames);
        lines.add("- OS: " + os);
        lines.add("- ffmpeg: " + ffmpegVersion);
        lines.add("- Date: " + date);
        return lines;
    }

    /** The 1, 5 and 15 minute load averages, or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static String readMemory() {
        String total = procLine(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> String.format(java.util.Locale.ROOT, "%.1f GiB",
                        Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
        return total + " (JVM max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)";
    }

    private static Optional<String> procLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String readGlRenderer() {
        try {
            return GlThread.call("gl-info", () -> glGetString(GL_RENDERER) + ", OpenGL " + glGetString(GL_VERSION));
        } catch (Exception | Error e) {
            return "no OpenGL context (" + e.getMessage() + ")";
        }
    }
}
