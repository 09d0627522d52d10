package org.liquide.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid word a typo was probably meant to be. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to {@code typo} by edit distance, if close enough to be a plausible typo. */
    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(typo.toLowerCase(java.util.Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerated = Math.max(2, typo.length() / 2);
        return best != null && bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counting as one edit. */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
