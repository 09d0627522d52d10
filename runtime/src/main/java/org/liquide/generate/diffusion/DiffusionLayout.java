package org.liquide.generate.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liquide.generate.engine.ModelLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a diffusers ONNX export folder ({@code optimum-cli export onnx}). When the folder also
 * holds {@code taesd_encoder/} and {@code taesd_decoder/}, the tiny autoencoder replaces the VAE (much
 * faster, slightly softer; its latents need no scaling).
 */
public record DiffusionLayout(Path root, Path textEncoder, Path unet, Path encoder, Path decoder, Path tokenizer,
                              Path schedulerConfig, String encoderName, String decoderName, float latentScale) {
    /** Stable Diffusion's VAE latent scale, used when the export does not state its own. */
    public static final float SD_LATENT_SCALE = 0.18215f;

    /** True when the folder looks like a diffusers ONNX export (it has a UNet). */
    public static boolean looksLike(Path folder) {
        return Files.isRegularFile(folder.resolve("unet").resolve("model.onnx"));
    }

    public static DiffusionLayout of(Path root) throws ModelLoadException {
        boolean tiny = Files.isRegularFile(root.resolve("taesd_encoder/model.onnx"))
                && Files.isRegularFile(root.resolve("taesd_decoder/model.onnx"));
        String encoderName = tiny ? "taesd_encoder" : "vae_encoder";
        String decoderName = tiny ? "taesd_decoder" : "vae_decoder";
        DiffusionLayout layout = new DiffusionLayout(root,
                root.resolve("text_encoder/model.onnx"),
                root.resolve("unet/model.onnx"),
                root.resolve(encoderName).resolve("model.onnx"),
                root.resolve(decoderName).resolve("model.onnx"),
                root.resolve("tokenizer"),
                root.resolve("scheduler/scheduler_config.json"),
                encoderName, decoderName,
                tiny ? 1f : scalingFactor(root.resolve("vae_decoder/config.json")));
        List<String> missing = new ArrayList<>();
        for (Path file : List.of(layout.textEncoder, layout.unet, layout.encoder, layout.decoder)) {
            if (!Files.isRegularFile(file)) {
                missing.add(root.relativize(file).toString());
            }
        }
        if (!Files.isDirectory(layout.tokenizer)) {
            missing.add("tokenizer/");
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException(root + " is not a complete diffusers ONNX export: missing " + missing);
        }
        return layout;
    }

    private static float scalingFactor(Path config) throws ModelLoadException {
        if (!Files.isRegularFile(config)) {
            return SD_LATENT_SCALE;
        }
        try {
            JsonNode json = new ObjectMapper().readTree(config.toFile());
            return (float) json.path("scaling_factor").asDouble(SD_LATENT_SCALE);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + config + ": " + e.getMessage(), e);
        }
    }
}
