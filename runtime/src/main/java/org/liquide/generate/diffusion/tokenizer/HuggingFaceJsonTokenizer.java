package org.liquide.generate.diffusion.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liquide.generate.engine.OrtEngines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A tokenizer from a local {@code tokenizer.json}, run by DJL's Hugging Face tokenizers binding (never
 * from the hub). The prompt's own tokens come from it; start, end and padding follow {@link SpecialTokens}
 * so both tokenizer layouts frame ids the same way.
 */
public final class HuggingFaceJsonTokenizer implements PromptTokenizer {
    private final HuggingFaceTokenizer tokenizer;
    private final SpecialTokens specials;

    private HuggingFaceJsonTokenizer(HuggingFaceTokenizer tokenizer, SpecialTokens specials) {
        this.tokenizer = tokenizer;
        this.specials = specials;
    }

    public static HuggingFaceJsonTokenizer load(Path folder) throws IOException {
        OrtEngines.prepare();
        Path file = folder.resolve("tokenizer.json");
        Map<String, Integer> known = knownTokens(file);
        SpecialTokens specials = SpecialTokens.read(folder, token -> known.getOrDefault(token, -1));
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file, Map.of(
                "addSpecialTokens", "false",
                "padding", "false",
                "truncation", "false"));
        return new HuggingFaceJsonTokenizer(tokenizer, specials);
    }

    @Override
    public long[] encode(String prompt) {
        return specials.frame(tokenizer.encode(prompt, false, false).getIds());
    }

    @Override
    public int length() {
        return specials.length();
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    /** The special tokens' ids: the added tokens and the model vocabulary of the JSON file. */
    private static Map<String, Integer> knownTokens(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Integer> ids = new HashMap<>();
        JsonNode vocab = root.path("model").path("vocab");
        for (String token : new String[]{SpecialTokens.START_TEXT, SpecialTokens.END_TEXT, "!"}) {
            if (vocab.has(token)) {
                ids.put(token, vocab.get(token).asInt());
            }
        }
        for (JsonNode added : root.path("added_tokens")) {
            ids.put(added.path("content").asText(), added.path("id").asInt());
        }
        return ids;
    }
}
