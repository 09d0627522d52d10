package org.liquide.bench;

import org.liquide.config.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Runs the benchmarks one after the other in this JVM and gathers their rows into a report. */
public final class BenchRunner {
    /** The benchmarks, in the order they run; {@code --only} takes these names. */
    public static final List<String> BENCHMARKS = List.of("compositor", "ingest", "allocation", "generation", "latency", "look", "scaling");
    static final String SHADER = "scenes/_shaders/soft-glow.fs";

    private BenchRunner() {
    }

    /** The benchmarks {@code --only} names, checked; empty for all. */
    public static Set<String> select(List<String> names) {
        Set<String> selected = new LinkedHashSet<>();
        for (String name : names) {
            String trimmed = name.strip();
            if (!BENCHMARKS.contains(trimmed)) {
                throw new BadInputException("--only " + trimmed + ": unknown benchmark; known: " + String.join(", ", BENCHMARKS));
            }
            selected.add(trimmed);
        }
        return selected;
    }

    /** Runs the named benchmarks (all when {@code only} is empty). Failures become rows; nothing is thrown. */
    public static BenchReport run(BenchConfig config, Set<String> only, Consumer<String> progress) {
        return run(config, only, List.of(), progress);
    }

    /** As {@link #run(BenchConfig, Set, Consumer)}, the generation benchmark also running these models whole. */
    public static BenchReport run(BenchConfig config, Set<String> only, List<GenerationModel> models,
                                  Consumer<String> progress) {
        long start = System.nanoTime();
        progress.accept("machine: looking at the CPU, OpenGL and ffmpeg");
        MachineInfo machine = MachineInfo.describe();
        String loadAtStart = MachineInfo.loadAverage();
        List<BenchRow> rows = new ArrayList<>();
        Optional<Path> shader = shader(config);
        for (String name : BENCHMARKS) {
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            // Start each benchmark without the garbage of the one before.
            System.gc();
            progress.accept(name + ": starting");
            String load = MachineInfo.loadAverage();
            List<BenchRow> made = switch (name) {
                case "compositor" -> shader.isEmpty() ? failedRows(config, name, noShader())
                        : guarded(config, name, () -> CompositorBench.run(config, shader.get(), progress));
                case "ingest" -> guarded(config, name, () -> IngestBench.run(config, progress));
                case "allocation" -> AllocationBench.run(config, progress);
                case "generation" -> GenerationBench.run(config, models, progress);
                case "latency" -> shader.isEmpty() ? failedRows(config, name, noShader()) : java.util.stream.Stream.concat(
                        LatencyBench.run(config, shader.get(), progress).stream(),
                        SoundLatencyBench.run(config, shader.get(), progress).stream()).toList();
                case "look" -> LookBench.run(progress);
                case "scaling" -> shader.isEmpty() ? failedRows(config, name, noShader())
                        : guarded(config, name, () -> ScalingBench.run(config, shader.get(), progress));
                default -> throw new IllegalArgumentException(name);
            };
            String loadNote = "load average when this benchmark started and ended: " + load + " → " + MachineInfo.loadAverage();
            for (BenchRow row : made) {
                rows.add(row.withNote(loadNote));
            }
        }
        return new BenchReport(config, machine, rows, (System.nanoTime() - start) / 1e9,
                loadAtStart + " → " + MachineInfo.loadAverage());
    }

    /** The ids of the rows a run of these benchmarks reports, in order. */
    public static List<String> rowIds(BenchConfig config, Set<String> only) {
        List<String> ids = new ArrayList<>();
        for (String name : BENCHMARKS) {
            if (only.isEmpty() || only.contains(name)) {
                ids.addAll(rowIds(config, name));
            }
        }
        return ids;
    }

    private static List<String> rowIds(BenchConfig config, String benchmark) {
        return switch (benchmark) {
            case "compositor" -> config.compositorSizes().stream().map(CompositorBench::rowId).toList();
            case "ingest" -> List.of(IngestBench.INGEST, IngestBench.UPLOADED, IngestBench.DECODE);
            case "allocation" -> List.of(AllocationBench.BYTES, AllocationBench.PAUSE, AllocationBench.STALL);
            case "generation" -> {
                List<String> ids = new ArrayList<>();
                config.cppnSizes().forEach(size -> ids.add(GenerationBench.cppnId(size)));
                config.cppnSizes().forEach(size -> ids.add(GenerationBench.sessionId(size)));
                ids.add(GenerationBench.DIFFUSION);
                yield ids;
            }
            case "latency" -> List.of(LatencyBench.CAMERA, LatencyBench.SENSOR, SoundLatencyBench.SOUND);
            case "look" -> List.of(LookBench.DETAIL, LookBench.CHANGE, LookBench.SILHOUETTE);
            case "scaling" -> ScalingBench.rowIds(config);
            default -> throw new IllegalArgumentException(benchmark);
        };
    }

    private interface RowSource {
        List<BenchRow> rows() throws Exception;
    }

    /** The rows, or every row of the benchmark marked failed when it threw before making any. */
    private static List<BenchRow> guarded(BenchConfig config, String benchmark, RowSource source) {
        try {
            return source.rows();
        } catch (Exception | Error e) {
            return failedRows(config, benchmark, describe(e));
        }
    }

    private static List<BenchRow> failedRows(BenchConfig config, String benchmark, String why) {
        return rowIds(config, benchmark).stream().map(id -> BenchRow.failed(id, benchmark, why)).toList();
    }

    private static String noShader() {
        return SHADER + " not found above the working folder; run from the Liquide folder or pass --shader";
    }

    /** The configured ISF filter, or the project's soft glow found above the working folder or the code. */
    static Optional<Path> shader(BenchConfig config) {
        if (config.shaderFile() != null) {
            return Files.isRegularFile(config.shaderFile()) ? Optional.of(config.shaderFile()) : Optional.empty();
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception | Error ignored) {
            // No code location (an unusual class loader): the working folder is enough.
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(SHADER);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** One line for a failure: the exception and its first cause. */
    static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause != e && (e.getMessage() == null || !e.getMessage().contains(String.valueOf(cause.getMessage())))) {
            text += " (cause: " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return text.lines().findFirst().orElse(text);
    }
}
