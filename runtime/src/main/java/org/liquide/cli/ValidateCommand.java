package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.config.TextFile;
import org.liquide.config.UnreadableTextException;
import org.liquide.hardware.node.config.NodeFileResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.scene.SceneCode;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.showcase.ShowcaseValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a showcase configuration (with its scenes and nodes), a scene folder or a node file.",
                "Compiles every shader (offscreen, as the show does) and every sketch of the scenes.",
                "Prints every error as file:line:col: message and exits 2; valid: a one-line summary, exit 0."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "showcase.yaml, a scene folder (or its scene.yaml), or a node file")
    Path path;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file or folder");
        }
        Path scene = Files.isDirectory(path) ? path : path.getFileName().toString().equals(SceneFiles.FILE_NAME) ? path.getParent() : null;
        if (scene != null) {
            ConfigResult<SceneDefinition> result = SceneFiles.load(scene);
            if (result instanceof ConfigResult.Valid<SceneDefinition> valid) {
                SceneDefinition s = valid.value();
                SceneCode.Report code = SceneCode.check(List.of(s));
                if (!code.errors().isEmpty()) {
                    return report(code.errors(), err);
                }
                noteShadersNotCompiled(code, err);
                out.printf("%s: valid scene '%s': %s, %s, %s%n", scene.resolve(SceneFiles.FILE_NAME), s.name(),
                        count(s.layers().size(), "layer"), count(s.mappings().size(), "mapping"), count(s.storyboard().size(), "cue"));
                return ExitCodes.OK;
            }
            return report(result.errors(), err);
        }
        String text;
        try {
            text = TextFile.read(path);
        } catch (UnreadableTextException e) {
            return report(List.of(e.error()), err);
        }
        if (text.lines().anyMatch(line -> line.startsWith("node:"))) {
            NodeFileResult result = NodeFiles.load(path);
            if (result instanceof NodeFileResult.Valid valid) {
                out.printf("%s: valid node '%s': %s, broker %s%n", path, valid.config().node(),
                        count(valid.config().sensors().size(), "sensor"), valid.config().broker());
                return ExitCodes.OK;
            }
            return report(((NodeFileResult.Invalid) result).errors(), err);
        }
        ShowcaseValidation validation = ShowcaseValidation.of(path);
        SceneCode.Report code = SceneCode.check(validation.scenes().values().stream()
                .flatMap(loaded -> loaded instanceof ConfigResult.Valid<SceneDefinition> valid ? Stream.of(valid.value())
                        : Stream.empty())
                .toList());
        validation.warnings().forEach(warning -> out.println("warning: " + warning));
        out.flush();
        if (validation.valid() && code.errors().isEmpty()) {
            noteShadersNotCompiled(code, err);
            ShowcaseConfig config = ((ConfigResult.Valid<ShowcaseConfig>) validation.showcase()).value();
            out.printf("%s: valid showcase '%s': %s, %s, %s, %s%n", path, config.name(),
                    count(validation.scenes().size(), "scene"), count(config.displays().size(), "display"),
                    count(config.cameras().size(), "camera"), count(config.nodes().size(), "sensor node"));
            return ExitCodes.OK;
        }
        List<ConfigError> errors = new ArrayList<>(validation.errors());
        errors.addAll(code.errors());
        return report(errors, err);
    }

    private static void noteShadersNotCompiled(SceneCode.Report code, PrintWriter err) {
        code.shadersNotCompiled().ifPresent(why -> {
            err.println("note: the shaders were read but not compiled: no OpenGL here (" + why + ")");
            err.flush();
        });
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int report(List<ConfigError> errors, PrintWriter err) {
        errors.forEach(error -> err.println(error));
        err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
