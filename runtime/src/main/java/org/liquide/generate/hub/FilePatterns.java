package org.liquide.generate.hub;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code --include} globs, matched as the Hub's clients match their {@code allow_patterns} (Python's
 * fnmatch): {@code *} and {@code ?} also match across {@code /}, a pattern ending in {@code /} means the whole
 * folder. No pattern: every file.
 */
public record FilePatterns(List<String> globs) {
    public FilePatterns {
        globs = List.copyOf(globs);
    }

    public boolean matches(String file) {
        return globs.isEmpty() || globs.stream().anyMatch(glob -> regex(glob).matcher(file).matches());
    }

    private static Pattern regex(String glob) {
        String g = glob.endsWith("/") ? glob + "*" : glob;
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int end = g.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        String set = g.substring(i + 1, end);
                        regex.append('[').append(set.startsWith("!") ? "^" + Pattern.quote(set.substring(1)) : Pattern.quote(set)).append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
