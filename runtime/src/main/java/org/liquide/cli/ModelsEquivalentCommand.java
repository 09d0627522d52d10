package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.generate.equivalent.EquivalentModel;
import org.liquide.generate.equivalent.SdTurboShape;
import org.liquide.generate.onnx.ElementType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "equivalent", mixinStandardHelpOptions = true,
        description = {"Writes a compute-equivalent model: a diffusers ONNX folder whose networks have a published"
                + " model's architecture and random weights, so that generation can be timed where the weights cannot"
                + " be downloaded. Its images are noise.",
                "sd-turbo: SD 2.1's UNet (865.9 M parameters), OpenCLIP ViT-H text encoder (340.4 M) and VAE (83.7 M)."})
final class ModelsEquivalentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The architecture: sd-turbo.")
    String model;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder to write; it must not exist.")
    Path out;

    @Option(names = "--fp16", description = "float16 weights and tensors (as GPU exports are); float32 otherwise.")
    boolean fp16;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "Divides the channels (rounded to multiples of 32) and the text layers by N, keeping the"
                    + " structure, for a CPU. Default: ${DEFAULT-VALUE} (SD-Turbo's sizes).")
    int scale;

    @Option(names = "--size", defaultValue = "512", paramLabel = "PX",
            description = "Side of the square images the models are made for, a multiple of 64. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--count", description = "Prints the parameters and weight bytes without writing anything.")
    boolean countOnly;

    @Override
    public Integer call() throws IOException {
        if (!model.equals("sd-turbo")) {
            throw new BadInputException("models equivalent: unknown architecture " + model + "; known: sd-turbo");
        }
        if (out == null && !countOnly) {
            throw new BadInputException("models equivalent: --out DIR is needed (or --count)");
        }
        SdTurboShape shape;
        try {
            shape = SdTurboShape.scaled(scale, size);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("models equivalent: " + e.getMessage(), e);
        }
        ElementType type = fp16 ? ElementType.FLOAT16 : ElementType.FLOAT32;
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("sd-turbo compute-equivalent, " + type + ", " + (scale == 1 ? "SD-Turbo's sizes" : "scale 1/" + scale)
                + " (UNet channels " + shape.unetChannels() + ", text " + shape.textHidden() + " wide × " + shape.textLayers()
                + " layers, VAE channels " + shape.vaeChannels() + "), " + size + "x" + size
                + (countOnly ? "" : " → " + out.toAbsolutePath()));
        printer.flush();
        List<EquivalentModel.Component> components;
        if (countOnly) {
            components = EquivalentModel.count(shape, type);
            components.forEach(component -> print(printer, component, "weights"));
        } else {
            try {
                components = EquivalentModel.write(out, shape, type, component -> print(printer, component, "on disk"));
            } catch (FileAlreadyExistsException e) {
                throw new BadInputException("models equivalent: " + out + " exists already; choose another --out", e);
            }
        }
        print(printer, new EquivalentModel.Component("total", components.stream().mapToLong(EquivalentModel.Component::parameters).sum(),
                components.stream().mapToLong(EquivalentModel.Component::bytes).sum()), countOnly ? "weights" : "on disk");
        printer.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter printer, EquivalentModel.Component component, String what) {
        printer.println(String.format(Locale.ROOT, "  %-13s %,15d parameters %10.1f MB %s", component.name(),
                component.parameters(), component.bytes() / 1e6, what));
        printer.flush();
    }
}
