package org.liquide.generate.factory;

import org.liquide.generate.ImageGenerator;
import org.liquide.generate.LoadProgress;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.cppn.CppnGenerator;
import org.liquide.generate.diffusion.DiffusionGenerator;
import org.liquide.generate.diffusion.DiffusionLayout;
import org.liquide.generate.engine.Accelerator;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.img2img.ImageToImageGenerator;

/** Opens the generator a {@link ModelSpec} names: the CPPN, an image-to-image model or a diffusion pipeline. */
public final class GeneratorFactory {
    private GeneratorFactory() {
    }

    public static ImageGenerator open(ModelSpec spec) throws ModelLoadException {
        return open(spec, LoadProgress.NONE);
    }

    /** Loads the spec's model (slow for diffusion: seconds to minutes); {@code progress} hears each step. */
    public static ImageGenerator open(ModelSpec spec, LoadProgress progress) throws ModelLoadException {
        return switch (ModelKind.of(spec)) {
            case BUILTIN -> {
                progress.begin(1);
                CppnGenerator generator = new CppnGenerator(spec.width(), spec.height(), spec.seed(), spec.prompts(),
                        spec.engineOptions());
                progress.step("cppn");
                yield generator;
            }
            case IMAGE_TO_IMAGE -> {
                progress.begin(1);
                ImageToImageGenerator generator = new ImageToImageGenerator(spec.path(), spec.width(), spec.height(),
                        spec.engineOptions());
                progress.step(spec.path().getFileName().toString());
                yield generator;
            }
            case DIFFUSION -> DiffusionGenerator.open(DiffusionLayout.of(spec.path()), spec, progress);
        };
    }

    /** The built-in CPPN at the spec's size and seed, on the CPU: what workers fall back to. */
    public static ImageGenerator fallback(ModelSpec spec) throws ModelLoadException {
        return new CppnGenerator(spec.width(), spec.height(), spec.seed(), spec.prompts(),
                spec.engineOptions().withAccelerator(Accelerator.CPU));
    }
}
