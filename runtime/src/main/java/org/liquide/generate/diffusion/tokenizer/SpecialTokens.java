package org.liquide.generate.diffusion.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/**
 * The start, end and padding tokens and the sequence length, from a tokenizer folder's
 * {@code tokenizer_config.json} and {@code special_tokens_map.json} when present. Stable Diffusion 1.x
 * pads with the end token; SD 2.x and SD-Turbo pad with {@code !}: the files say which.
 */
public record SpecialTokens(long start, long end, long pad, int length) {
    public static final String START_TEXT = "<|startoftext|>";
    public static final String END_TEXT = "<|endoftext|>";
    public static final long CLIP_START = 49406;
    public static final long CLIP_END = 49407;
    public static final int CLIP_LENGTH = 77;

    /**
     * Reads the folder's configuration files; {@code idOf} maps a token to its id (negative when the
     * vocabulary lacks it).
     */
    static SpecialTokens read(Path folder, ToIntFunction<String> idOf) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode config = readJson(json, folder.resolve("tokenizer_config.json"));
        JsonNode map = readJson(json, folder.resolve("special_tokens_map.json"));
        long start = id(idOf, token(config, map, "bos_token", START_TEXT), CLIP_START);
        long end = id(idOf, token(config, map, "eos_token", END_TEXT), CLIP_END);
        long pad = id(idOf, token(config, map, "pad_token", END_TEXT), end);
        int length = CLIP_LENGTH;
        JsonNode maxLength = config.get("model_max_length");
        if (maxLength != null && maxLength.canConvertToInt() && maxLength.asInt() > 2 && maxLength.asInt() <= 4096) {
            length = maxLength.asInt();
        }
        return new SpecialTokens(start, end, pad, length);
    }

    /** Builds the final ids: start, content truncated to fit, end, padding. */
    long[] frame(long[] content) {
        long[] ids = new long[length];
        int kept = Math.min(content.length, length - 2);
        ids[0] = start;
        System.arraycopy(content, 0, ids, 1, kept);
        ids[kept + 1] = end;
        for (int i = kept + 2; i < length; i++) {
            ids[i] = pad;
        }
        return ids;
    }

    private static String token(JsonNode config, JsonNode map, String key, String fallback) {
        for (JsonNode source : new JsonNode[]{map, config}) {
            JsonNode value = source.get(key);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
            if (value != null && value.has("content")) {
                return value.get("content").asText();
            }
        }
        return fallback;
    }

    private static long id(ToIntFunction<String> idOf, String token, long fallback) {
        int id = idOf.applyAsInt(token);
        return id >= 0 ? id : fallback;
    }

    private static JsonNode readJson(ObjectMapper json, Path file) throws IOException {
        return Files.isRegularFile(file) ? json.readTree(file.toFile()) : json.createObjectNode();
    }
}
