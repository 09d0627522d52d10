package org.liquide.generate.diffusion.tokenizer;

/** Turns a prompt into the fixed-length token ids a CLIP text encoder reads. */
public interface PromptTokenizer extends AutoCloseable {
    /**
     * The ids of {@code prompt}: start token, the prompt's tokens (truncated to fit), end token, padding
     * up to {@link #length()}.
     */
    long[] encode(String prompt);

    /** The number of ids {@link #encode} returns (77 for Stable Diffusion). */
    int length();

    @Override
    default void close() {
    }
}
