package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.factory.GeneratorFactory;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.image.ImageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates one image from an image file: with the built-in CPPN, an image-to-image .onnx model"
                + " or a diffusers ONNX folder. Same inputs and seed give the same image.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PATH|builtin",
            description = "builtin, an image-to-image .onnx file, or a diffusers ONNX export folder.")
    String model;

    @Option(names = "--input", required = true, paramLabel = "IMAGE", description = "PNG, JPEG or BMP file.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "IMAGE", description = "Where to write (.png, .jpg, .bmp).")
    Path output;

    @Option(names = "--prompt", paramLabel = "TEXT",
            description = "Prompt for diffusion models; repeat it to blend prompts with --prompt-blend.")
    List<String> prompts = new ArrayList<>();

    @Option(names = "--prompt-blend", defaultValue = "0", paramLabel = "B",
            description = "Position between the first prompt (0) and the last (1). Default: ${DEFAULT-VALUE}.")
    float promptBlend;

    @Option(names = "--strength", defaultValue = "0.5", paramLabel = "S",
            description = "img2img strength in [0, 1]: 0 keeps the input. Default: ${DEFAULT-VALUE}.")
    float strength;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Noise of diffusion models, network of the builtin. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--steps", defaultValue = "2", paramLabel = "K",
            description = "Denoising steps of diffusion models (1 to 4). Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--latent", split = ",", paramLabel = "X",
            description = "Up to 8 comma-separated latent values for the builtin, in [-1, 1].")
    List<Float> latent = new ArrayList<>();

    @Option(names = "--camera-mix", defaultValue = "0.5", paramLabel = "M",
            description = "How much of the input's colour the builtin keeps, in [0, 1]. Default: ${DEFAULT-VALUE}.")
    float cameraMix;

    @Option(names = "--size", paramLabel = "WxH", converter = ImageSize.Converter.class,
            description = "Output size. Default: the input's.")
    ImageSize size;

    @Mixin
    ModelRunOptions run;

    @Override
    public Integer call() {
        checkOutputType();
        VideoFrame in = new VideoFrame();
        VideoFrame out = new VideoFrame();
        try {
            ImageFiles.read(input, in);
        } catch (IOException e) {
            throw new BadInputException("generate: " + e.getMessage(), e);
        }
        try {
            ModelSpec modelSpec = modelSpec(in);
            GenerationParams params = params();
            long start = System.nanoTime();
            String generatorName;
            String generatorDevice;
            try (ImageGenerator generator = GeneratorFactory.open(modelSpec)) {
                generator.generate(in, params, out);
                generatorName = generator.name();
                generatorDevice = generator.device();
            } catch (ModelLoadException e) {
                throw new BadInputException("generate: " + e.getMessage(), e);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            try {
                ImageFiles.write(out, output);
            } catch (IOException e) {
                throw new BadInputException("generate: cannot write " + output + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().printf("%s: %dx%d with %s on %s in %.0f ms%n", output, out.width(),
                    out.height(), generatorName, generatorDevice, millis);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (BadInputException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("generate failed: " + e.getMessage(), e);
        } finally {
            in.free();
            out.free();
        }
    }

    private ModelSpec modelSpec(VideoFrame in) {
        try {
            return run.spec(model).withSize(size != null ? size.width() : in.width(), size != null ? size.height() : in.height())
                    .withPrompts(prompts).withStrength(strength).withSteps(steps).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("generate: " + e.getMessage(), e);
        }
    }

    private GenerationParams params() {
        if (latent.size() > GenerationParams.LATENT_SIZE) {
            throw new BadInputException("generate: --latent takes at most " + GenerationParams.LATENT_SIZE + " values");
        }
        GenerationParams params = new GenerationParams().strength(strength).seed(seed).promptBlend(promptBlend)
                .cameraMix(cameraMix);
        for (int i = 0; i < latent.size(); i++) {
            params.latent()[i] = latent.get(i);
        }
        return params;
    }

    private void checkOutputType() {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp"))) {
            throw new BadInputException("generate: --output must end in .png, .jpg or .bmp, got " + output);
        }
    }
}
