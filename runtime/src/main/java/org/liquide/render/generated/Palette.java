package org.liquide.render.generated;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A designed palette for the built-in generators: five colours from the deepest shadow to the brightest
 * light, which the generated field runs through as a gradient, and the words of a prompt that call for it.
 * A scene names one with {@code palette:}; without it, the first palette one of whose words appears in the
 * scene's prompts is taken (the earliest such word wins), else {@link #DEFAULT}.
 *
 * @param stops five colours as linear 0..1 RGB triples, darkest first
 */
public record Palette(String name, float[] stops, Set<String> words) {
    public static final int STOPS = 5;

    public static final Palette NOCTURNE = new Palette("nocturne", new float[]{
            0.015f, 0.02f, 0.05f, 0.04f, 0.13f, 0.20f, 0.13f, 0.38f, 0.42f, 0.84f, 0.55f, 0.30f, 0.98f, 0.91f, 0.78f},
            Set.of("nuit", "night", "nocturne", "soir", "evening", "lune", "moon"));
    public static final Palette AUBE = new Palette("aube", new float[]{
            0.04f, 0.03f, 0.09f, 0.27f, 0.13f, 0.31f, 0.82f, 0.38f, 0.36f, 0.98f, 0.70f, 0.48f, 1.0f, 0.94f, 0.84f},
            Set.of("aube", "dawn", "aurore", "sunrise", "matin", "morning", "rose", "pink"));
    public static final Palette ENCRE = new Palette("encre", new float[]{
            0.01f, 0.015f, 0.04f, 0.04f, 0.07f, 0.21f, 0.11f, 0.24f, 0.50f, 0.55f, 0.69f, 0.82f, 0.95f, 0.95f, 0.92f},
            Set.of("encre", "ink", "eau", "water", "pluie", "rain", "bleu", "blue"));
    public static final Palette ABYSSE = new Palette("abysse", new float[]{
            0.0f, 0.025f, 0.035f, 0.02f, 0.13f, 0.15f, 0.05f, 0.33f, 0.32f, 0.40f, 0.65f, 0.54f, 0.90f, 0.95f, 0.80f},
            Set.of("engloutie", "englouti", "sunken", "mer", "sea", "ocean", "océan", "abysse", "abyss", "vague", "wave"));
    public static final Palette BRAISE = new Palette("braise", new float[]{
            0.03f, 0.01f, 0.01f, 0.23f, 0.04f, 0.03f, 0.60f, 0.15f, 0.05f, 0.95f, 0.50f, 0.15f, 1.0f, 0.87f, 0.60f},
            Set.of("feu", "fire", "braise", "ember", "embers", "lave", "lava", "flamme", "flame"));
    public static final Palette LICHEN = new Palette("lichen", new float[]{
            0.025f, 0.035f, 0.025f, 0.15f, 0.19f, 0.11f, 0.40f, 0.45f, 0.23f, 0.77f, 0.71f, 0.45f, 0.95f, 0.93f, 0.84f},
            Set.of("forêt", "forest", "mousse", "moss", "lichen", "feuille", "leaf", "leaves", "jardin", "garden"));

    public static final List<Palette> ALL = List.of(NOCTURNE, AUBE, ENCRE, ABYSSE, BRAISE, LICHEN);
    public static final Palette DEFAULT = NOCTURNE;

    public Palette {
        if (stops.length != STOPS * 3) {
            throw new IllegalArgumentException("a palette has " + STOPS + " RGB colours");
        }
        stops = stops.clone();
        words = Set.copyOf(words);
    }

    public static List<String> names() {
        return ALL.stream().map(Palette::name).toList();
    }

    public static Optional<Palette> named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
    }

    /** The palette named, else the one the prompts' first telling word calls for, else {@link #DEFAULT}. */
    public static Palette choose(Optional<String> named, List<String> prompts) {
        if (named.isPresent()) {
            return named(named.get()).orElseThrow(() -> new IllegalArgumentException("no palette '" + named.get() + "'"));
        }
        for (String prompt : prompts) {
            for (String word : plain(prompt).split("[^a-z]+")) {
                for (Palette palette : ALL) {
                    if (palette.words.stream().map(Palette::plain).anyMatch(word::equals)) {
                        return palette;
                    }
                }
            }
        }
        return DEFAULT;
    }

    /** Lower case without accents, so "Forêt" and "foret" meet. */
    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** The colours as the shader takes them. */
    public float[] stops() {
        return stops.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Palette p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
