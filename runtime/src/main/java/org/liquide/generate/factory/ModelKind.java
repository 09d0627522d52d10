package org.liquide.generate.factory;

import org.liquide.generate.ModelSpec;
import org.liquide.generate.diffusion.DiffusionLayout;
import org.liquide.generate.engine.ModelLoadException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The kinds of generator a model spec can name, told apart by what the source is. */
public enum ModelKind {
    /** {@code builtin}: the CPPN, no weights. */
    BUILTIN,
    /** An .onnx file following the image-to-image contract. */
    IMAGE_TO_IMAGE,
    /** A folder in the diffusers ONNX export layout. */
    DIFFUSION;

    public static ModelKind of(ModelSpec spec) throws ModelLoadException {
        if (spec.isBuiltin()) {
            return BUILTIN;
        }
        Path path = spec.path();
        if (spec.hubName().isPresent() && !Files.exists(path)) {
            var name = spec.hubName().get();
            throw new ModelLoadException(name + " is not in the Hugging Face cache (" + org.liquide.generate.hub.HubCache.locate().root()
                    + "); on a machine with the network: " + name.pullCommand() + ", then copy the cache folder here");
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return IMAGE_TO_IMAGE;
        }
        if (Files.isDirectory(path) && DiffusionLayout.looksLike(path)) {
            return DIFFUSION;
        }
        if (!Files.exists(path)) {
            throw new ModelLoadException("model not found: " + path);
        }
        throw new ModelLoadException("not a model: " + path + " (expected builtin, an .onnx file, or a diffusers"
                + " ONNX folder with unet/model.onnx)");
    }
}
