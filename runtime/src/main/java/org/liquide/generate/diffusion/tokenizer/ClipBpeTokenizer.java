package org.liquide.generate.diffusion.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer, from the {@code vocab.json} and {@code merges.txt} that diffusers
 * exports ship: text cleaned (NFC, whitespace collapsed, lower case), split with CLIP's pattern, each
 * piece's UTF-8 bytes mapped to printable characters, the last one marked {@code </w>}, pairs merged by
 * rank. DJL's tokenizer needs a {@code tokenizer.json}; exports without one use this.
 */
public final class ClipBpeTokenizer implements PromptTokenizer {
    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String END_OF_WORD = "</w>";
    /** CLIP reads only the first 49152 − 256 − 2 merges of its file. */
    private static final int MAX_MERGES = 49152 - 256 - 2;
    private static final int CACHE_LIMIT = 10_000;

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> mergeRanks;
    private final char[] byteToChar = ByteLevel.byteToChar();
    private final SpecialTokens specials;
    private final Map<String, int[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > CACHE_LIMIT;
        }
    };

    private ClipBpeTokenizer(Map<String, Integer> vocab, Map<String, Integer> mergeRanks, SpecialTokens specials) {
        this.vocab = vocab;
        this.mergeRanks = mergeRanks;
        this.specials = specials;
    }

    /** Loads {@code vocab.json} and {@code merges.txt} from a tokenizer folder. */
    public static ClipBpeTokenizer load(Path folder) throws IOException {
        Map<String, Integer> vocab = new HashMap<>();
        JsonNode root = new ObjectMapper().readTree(folder.resolve("vocab.json").toFile());
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            vocab.put(entry.getKey(), entry.getValue().asInt());
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (String line : Files.readAllLines(folder.resolve("merges.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#version") || line.isBlank()) {
                continue;
            }
            if (ranks.size() >= MAX_MERGES) {
                break;
            }
            String[] pair = line.strip().split(" ");
            if (pair.length == 2) {
                ranks.putIfAbsent(pair[0] + " " + pair[1], ranks.size());
            }
        }
        SpecialTokens specials = SpecialTokens.read(folder, token -> vocab.getOrDefault(token, -1));
        return new ClipBpeTokenizer(vocab, ranks, specials);
    }

    @Override
    public long[] encode(String prompt) {
        String text = WHITESPACE.matcher(Normalizer.normalize(prompt, Normalizer.Form.NFC)).replaceAll(" ")
                .strip().toLowerCase(Locale.ROOT);
        List<Long> content = new ArrayList<>();
        Matcher matcher = PIECES.matcher(text);
        while (matcher.find()) {
            for (int id : piece(matcher.group())) {
                content.add((long) id);
            }
        }
        return specials.frame(content.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public int length() {
        return specials.length();
    }

    /** The ids of one piece of text (a word, a digit, a run of punctuation). */
    private int[] piece(String piece) {
        int[] cached = cache.get(piece);
        if (cached != null) {
            return cached;
        }
        Integer special = piece.equals(SpecialTokens.START_TEXT) || piece.equals(SpecialTokens.END_TEXT)
                ? vocab.get(piece) : null;
        int[] ids = special != null ? new int[]{special} : bpe(byteLevel(piece));
        cache.put(piece, ids);
        return ids;
    }

    private String byteLevel(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append(byteToChar[b & 0xFF]);
        }
        return out.toString();
    }

    private int[] bpe(String token) {
        List<String> word = new ArrayList<>(token.length());
        for (int i = 0; i < token.length(); i++) {
            word.add(String.valueOf(token.charAt(i)));
        }
        word.set(word.size() - 1, word.getLast() + END_OF_WORD);
        while (word.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String bestFirst = null;
            String bestSecond = null;
            for (int i = 0; i < word.size() - 1; i++) {
                Integer rank = mergeRanks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    bestFirst = word.get(i);
                    bestSecond = word.get(i + 1);
                }
            }
            if (bestFirst == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); i++) {
                if (i < word.size() - 1 && word.get(i).equals(bestFirst) && word.get(i + 1).equals(bestSecond)) {
                    merged.add(bestFirst + bestSecond);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        int[] ids = new int[word.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocab.get(word.get(i));
            // Every byte and byte+</w> is in CLIP's vocabulary; a trimmed one maps unknowns to the end token.
            ids[i] = id != null ? id : (int) specials.end();
        }
        return ids;
    }
}
