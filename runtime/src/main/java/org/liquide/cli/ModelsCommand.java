package org.liquide.cli;

import org.liquide.config.BadInputException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.liquide.generate.LoadProgress;
import org.liquide.generate.factory.ModelChecker;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.engine.OrtBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspects generation models, pulls them from the Hugging Face Hub, writes compute-equivalent ones.",
        subcommands = {ModelsCommand.Check.class, ModelsPullCommand.class, ModelsEquivalentCommand.class})
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Loads each model and prints its inputs and outputs (names, shapes, types), its device and"
                    + " the time of a warm-up image. Without a path, checks the builtin.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..*",
                description = "builtin, .onnx files or diffusers ONNX folders.")
        List<String> paths = new ArrayList<>();

        @Option(names = "--size", defaultValue = "512x512", paramLabel = "WxH", converter = ImageSize.Converter.class,
                description = "Image size of the warm-up. Default: ${DEFAULT-VALUE}.")
        ImageSize size;

        @Mixin
        ModelRunOptions run;

        @Override
        public Integer call() {
            List<ModelSpec> specs = new ArrayList<>();
            try {
                for (String path : paths.isEmpty() ? List.of(ModelSpec.BUILTIN) : paths) {
                    specs.add(run.spec(path).withSize(size.width(), size.height()));
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException("models check: " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(OrtBuild.current().describe());
            List<ModelChecker.Result> results = ModelChecker.check(specs, out, ProgressBarLoad::new);
            long failed = results.stream().filter(result -> !result.ok()).count();
            out.println(results.size() - failed + " of " + results.size() + " models ok");
            out.flush();
            return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }

    /**
     * Shows the steps of a load (or of a warm-up) that says what it is starting on a progress bar, on
     * standard error, with the time spent: the parts of a diffusion folder, a first TensorRT engine build.
     * A load that only counts its steps (a single file, loaded in a moment) gets no bar.
     */
    private static final class ProgressBarLoad implements LoadProgress {
        private final String task;
        private int steps;
        private ProgressBar bar;

        ProgressBarLoad(ModelSpec spec) {
            String source = spec.source();
            this.task = source.length() > 30 ? "…" + source.substring(source.length() - 29) : source;
        }

        @Override
        public void begin(int count) {
            steps = count;
        }

        @Override
        public void starting(String what) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, steps))
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
            }
            bar.setExtraMessage(what + "…");
        }

        @Override
        public void step(String done) {
            if (bar == null) {
                return;
            }
            bar.setExtraMessage(done);
            bar.step();
            if (bar.getCurrent() >= bar.getMax()) {
                bar.close();
                bar = null;
            }
        }
    }
}
