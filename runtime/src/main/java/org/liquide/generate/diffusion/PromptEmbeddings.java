package org.liquide.generate.diffusion;

import org.liquide.generate.diffusion.tokenizer.PromptTokenizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text conditioning for a position between prompts. Each prompt is encoded once and cached; a blend
 * position in [0, 1] walks the prompt list, interpolating neighbours with slerp (the embeddings' norms
 * matter to the UNet: a straight line between two of them passes through weaker, washed-out conditioning).
 */
final class PromptEmbeddings {
    private final PromptTokenizer tokenizer;
    private final TextEncoder encoder;
    private final List<String> prompts;
    private final Map<String, float[]> cache = new HashMap<>();
    private final long[] shape = new long[3];
    private float[] blended = new float[0];
    private float blendedAt = Float.NaN;
    private int version;

    PromptEmbeddings(PromptTokenizer tokenizer, TextEncoder encoder, List<String> prompts) {
        this.tokenizer = tokenizer;
        this.encoder = encoder;
        this.prompts = prompts.isEmpty() ? List.of("") : List.copyOf(prompts);
    }

    /** The embeddings at {@code position} (reused between calls; recomputed only when the position moves). */
    float[] at(float position) {
        if (position == blendedAt) {
            return blended;
        }
        float clamped = Math.max(0f, Math.min(1f, position));
        float scaled = clamped * (prompts.size() - 1);
        int first = Math.min((int) Math.floor(scaled), Math.max(0, prompts.size() - 2));
        float t = scaled - first;
        float[] a = embedding(prompts.get(first));
        float[] b = prompts.size() > 1 ? embedding(prompts.get(first + 1)) : a;
        if (blended.length != a.length) {
            blended = new float[a.length];
        }
        slerp(a, b, t, blended);
        blendedAt = position;
        version++;
        return blended;
    }

    /** Changes each time {@link #at} computes new embeddings: a consumer holding them can skip an unchanged copy. */
    int version() {
        return version;
    }

    /** [1, sequence, hidden] of the embeddings {@link #at} returns. */
    long[] shape() {
        if (cache.isEmpty()) {
            embedding(prompts.getFirst());
        }
        return shape;
    }

    private float[] embedding(String prompt) {
        return cache.computeIfAbsent(prompt, text -> encoder.encode(tokenizer.encode(text), shape));
    }

    static void slerp(float[] a, float[] b, float t, float[] out) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        double cos = normA == 0 || normB == 0 ? 1 : dot / Math.sqrt(normA * normB);
        double theta = Math.acos(Math.max(-1, Math.min(1, cos)));
        double sin = Math.sin(theta);
        double wa;
        double wb;
        if (sin < 1e-4) {
            wa = 1 - t;
            wb = t;
        } else {
            wa = Math.sin((1 - t) * theta) / sin;
            wb = Math.sin(t * theta) / sin;
        }
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
    }
}
