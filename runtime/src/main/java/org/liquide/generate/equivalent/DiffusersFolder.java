package org.liquide.generate.equivalent;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A diffusers ONNX export folder around networks written by this project: the tokenizer, the scheduler's
 * and the VAE's configuration, {@code model_index.json}. It is written beside its final place and moved
 * there when complete, so a folder that exists is whole. The tokenizer knows only CLIP's special tokens
 * (every word becomes the end token): the ids keep their 77 positions, which is all the text encoder's
 * cost depends on.
 */
public final class DiffusersFolder {
    /** Writes the four networks into the folder being made (text_encoder/, unet/, vae_encoder/, vae_decoder/). */
    public interface Networks {
        void writeInto(Path folder) throws IOException;
    }

    private DiffusersFolder() {
    }

    /** Writes the folder at {@code root}, which must not exist yet. */
    public static Path write(Path root, Networks networks) throws IOException {
        if (Files.exists(root)) {
            throw new FileAlreadyExistsException(root.toString(), null, "the folder exists already");
        }
        Path partial = root.resolveSibling(root.getFileName() + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial.resolve("tokenizer"));
        Files.writeString(partial.resolve("tokenizer/vocab.json"),
                "{\"<|startoftext|>\": 49406, \"<|endoftext|>\": 49407}");
        Files.writeString(partial.resolve("tokenizer/merges.txt"), "#version: 0.2\n");
        Files.writeString(partial.resolve("tokenizer/tokenizer_config.json"), "{\"model_max_length\": 77}");
        networks.writeInto(partial);
        Files.createDirectories(partial.resolve("vae_decoder"));
        Files.writeString(partial.resolve("vae_decoder/config.json"), "{\"scaling_factor\": 0.18215}");
        Files.createDirectories(partial.resolve("scheduler"));
        Files.writeString(partial.resolve("scheduler/scheduler_config.json"), """
                {"_class_name": "EulerDiscreteScheduler", "num_train_timesteps": 1000,
                 "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
                 "prediction_type": "epsilon", "timestep_spacing": "trailing", "steps_offset": 1}""");
        Files.writeString(partial.resolve("model_index.json"), "{\"_class_name\": \"ORTStableDiffusionPipeline\"}");
        Files.move(partial, root);
        return root;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
