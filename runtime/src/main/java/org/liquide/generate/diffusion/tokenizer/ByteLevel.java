package org.liquide.generate.diffusion.tokenizer;

/**
 * GPT-2/CLIP's reversible mapping of the 256 byte values to printable characters: printable Latin-1
 * bytes map to themselves, the others to characters from U+0100 on, in byte order.
 */
public final class ByteLevel {
    private ByteLevel() {
    }

    /** {@code result[b]} is the character standing for byte {@code b}. */
    public static char[] byteToChar() {
        char[] map = new char[256];
        int next = 0;
        for (int b = 0; b < 256; b++) {
            map[b] = printable(b) ? (char) b : (char) (256 + next++);
        }
        return map;
    }

    /**
     * The characters in CLIP's vocabulary order: the printable bytes first (ascending), then the others
     * (ascending). Ids 0-255 of CLIP's vocabulary are these, 256-511 the same with {@code </w>}.
     */
    public static char[] vocabularyOrder() {
        char[] map = byteToChar();
        char[] order = new char[256];
        int index = 0;
        for (int b = 0; b < 256; b++) {
            if (printable(b)) {
                order[index++] = map[b];
            }
        }
        for (int b = 0; b < 256; b++) {
            if (!printable(b)) {
                order[index++] = map[b];
            }
        }
        return order;
    }

    private static boolean printable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }
}
