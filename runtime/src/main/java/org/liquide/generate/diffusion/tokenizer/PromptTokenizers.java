package org.liquide.generate.diffusion.tokenizer;

import org.liquide.generate.engine.ModelLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the tokenizer a diffusers {@code tokenizer/} folder holds, in either layout. */
public final class PromptTokenizers {
    private PromptTokenizers() {
    }

    /** {@code tokenizer.json} through DJL when present, else CLIP BPE from {@code vocab.json} + {@code merges.txt}. */
    public static PromptTokenizer open(Path folder) throws ModelLoadException {
        try {
            if (Files.isRegularFile(folder.resolve("tokenizer.json"))) {
                return HuggingFaceJsonTokenizer.load(folder);
            }
            if (Files.isRegularFile(folder.resolve("vocab.json")) && Files.isRegularFile(folder.resolve("merges.txt"))) {
                return ClipBpeTokenizer.load(folder);
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot read the tokenizer in " + folder + ": " + e.getMessage(), e);
        }
        throw new ModelLoadException("no tokenizer in " + folder
                + ": expected tokenizer.json, or vocab.json and merges.txt");
    }
}
