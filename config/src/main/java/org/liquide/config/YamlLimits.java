package org.liquide.config;

/**
 * How much one configuration file may hold. A showcase, a scene or a node file is a few kilobytes, a few
 * levels deep, with a handful of anchors; these bounds are far above that and far below what would take
 * the reader minutes or its memory: a file past one of them is refused at the place where it passes it.
 *
 * @param maxBytes       the file's size
 * @param maxDepth       collections nested in one another
 * @param maxAliases     aliases ({@code *name}) in the file
 * @param maxScalarChars characters in one value
 */
public record YamlLimits(int maxBytes, int maxDepth, int maxAliases, int maxScalarChars) {
    public static final YamlLimits DEFAULTS = new YamlLimits(TextFile.MAX_BYTES, 64, 64, 64 * 1024);
}
