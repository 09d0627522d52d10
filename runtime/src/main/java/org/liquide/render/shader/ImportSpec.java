package org.liquide.render.shader;

import java.nio.file.Path;

/** An image the ISF file imports ({@code IMPORTED}): sampled as {@code name}, read from {@code path}. */
public record ImportSpec(String name, Path path, int line) {
}
