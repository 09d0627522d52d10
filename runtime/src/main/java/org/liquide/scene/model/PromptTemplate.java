package org.liquide.scene.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with slots, {@code "un portrait {adjectif} de {nom}"}, and the words each slot may take. Every
 * combination is a prompt of the generator (encoded once, like any prompt list), in order: the first slot
 * changes slowest. Mappings to {@code prompt.<slot>} choose each slot's word with a value in [0, 1].
 *
 * @param slots the slots in the order they appear in the text, each with its words
 */
public record PromptTemplate(String text, Map<String, List<String>> slots) {
    /** More prompts than this would take too long to encode at each scene change. */
    public static final int MAX_PROMPTS = 256;
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public PromptTemplate {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        slots.forEach((name, words) -> copy.put(name, List.copyOf(words)));
        slots = java.util.Collections.unmodifiableMap(copy);
    }

    /** The slot names the text holds, in order of first appearance. */
    public static List<String> slotNames(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = SLOT.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    public List<String> slotNames() {
        return List.copyOf(slots.keySet());
    }

    /** How many prompts the combinations make. */
    public long combinations() {
        long n = 1;
        for (List<String> words : slots.values()) {
            n *= words.size();
        }
        return n;
    }

    /** Every prompt, first slot slowest. */
    public List<String> prompts() {
        List<String> prompts = new ArrayList<>(List.of(text));
        for (Map.Entry<String, List<String>> slot : slots.entrySet()) {
            List<String> next = new ArrayList<>();
            for (String prompt : prompts) {
                for (String word : slot.getValue()) {
                    next.add(prompt.replace("{" + slot.getKey() + "}", word));
                }
            }
            prompts = next;
        }
        return prompts;
    }

    /** The same text with some slots' words replaced (a layer fixing one slot to its own word). */
    public PromptTemplate withWords(Map<String, List<String>> words) {
        Map<String, List<String>> merged = new LinkedHashMap<>(slots);
        words.forEach((name, list) -> {
            if (merged.containsKey(name)) {
                merged.put(name, list);
            }
        });
        return new PromptTemplate(text, merged);
    }
}
