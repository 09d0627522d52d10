package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.bench.BenchConfig;
import org.liquide.bench.BenchReport;
import org.liquide.bench.BenchRunner;
import org.liquide.bench.GenerationModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks Liquide next to its anchors on this machine, as a Markdown table.",
                "Measures, in this run, the compositor against a Processing sketch, camera ingest against ffmpeg,"
                        + " render-thread allocation and GC pauses in the demo, generation (CPPN, Liquide's model session against a"
                        + " bare ONNX Runtime session, the diffusion pipeline outside its models), camera and sensor latency,"
                        + " and how the frame time scales with size, layers, generators, filters and displays."
                        + " Prints the table (medians with min–max) and writes it to a file. See docs/benchmarks.md."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short runs that prove every benchmark works (CI; under two minutes); do not judge their figures.")
    boolean quick;

    @Option(names = "--output", paramLabel = "FILE.md", defaultValue = "bench-results.md",
            description = "Where to write the results (default: ${DEFAULT-VALUE} in the working folder).")
    Path output;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Run only these benchmarks: compositor, ingest, allocation, generation, latency, look, scaling.")
    List<String> only = List.of();

    @Option(names = "--shader", paramLabel = "FILE.fs",
            description = "The ISF filter of the compositor and latency scenes (default: scenes/_shaders/soft-glow.fs above the working folder).")
    Path shader;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the test videos and the tiny diffusion model are made and kept (default: liquide-bench in the temporary folder).")
    Path workDir;

    @Option(names = "--model", paramLabel = "DIR",
            description = "A diffusers ONNX folder the generation benchmark also runs whole (a real export, or one written by"
                    + " `liquide models equivalent`): ms per image on each --device, against its sessions alone.")
    Path model;

    @Option(names = "--device", paramLabel = "DEVICE", split = ",", defaultValue = "cpu",
            description = "Where --model runs: cpu, cuda, tensorrt or auto, one row each (e.g. cpu,cuda,tensorrt)."
                    + " Default: ${DEFAULT-VALUE}.")
    List<String> devices;

    @Override
    public Integer call() throws IOException {
        Set<String> selected = BenchRunner.select(only);
        if (shader != null && !Files.isRegularFile(shader)) {
            throw new BadInputException("--shader " + shader + ": no such file");
        }
        if (model != null && !Files.isRegularFile(model.resolve("unet/model.onnx"))) {
            throw new BadInputException("--model " + model + ": not a diffusers ONNX folder (no unet/model.onnx)");
        }
        List<GenerationModel> models = model == null ? List.of()
                : devices.stream().map(device -> new GenerationModel(model.toAbsolutePath(), device.strip())).toList();
        Path work = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "liquide-bench");
        BenchConfig config = quick ? BenchConfig.quick(work) : BenchConfig.full(work);
        if (shader != null) {
            config = config.withShaderFile(shader.toAbsolutePath());
        }
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report = BenchRunner.run(config, selected, models, line -> {
            err.println("liquide bench: " + line);
            err.flush();
        });
        String markdown = "# Liquide benchmark results\n\n`liquide bench" + (quick ? " --quick" : "")
                + (selected.isEmpty() ? "" : " --only " + String.join(",", selected))
                + (model == null ? "" : " --model " + model + " --device " + String.join(",", devices)) + "`\n\n"
                + report.markdown();
        PrintWriter out = spec.commandLine().getOut();
        out.print(markdown);
        out.flush();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, markdown);
        err.println("liquide bench: results written to " + output.toAbsolutePath());
        if (!report.allOk()) {
            err.println("liquide bench: some benchmarks failed (see the table)");
            return ExitCodes.INTERNAL_FAILURE;
        }
        return ExitCodes.OK;
    }
}
