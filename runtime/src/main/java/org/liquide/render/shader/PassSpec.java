package org.liquide.render.shader;

import java.util.Optional;

/**
 * One entry of an ISF file's {@code PASSES}: which buffer it renders into, whether that buffer survives
 * frames ({@code PERSISTENT}) and holds floats ({@code FLOAT}), and its size as expressions of
 * {@code $WIDTH}, {@code $HEIGHT} and the inputs (the render size when absent).
 */
public record PassSpec(Optional<String> target, boolean persistent, boolean floatBuffer,
                       Optional<String> width, Optional<String> height, int line) {

    /** The single pass of a file without {@code PASSES}. */
    public static PassSpec single() {
        return new PassSpec(Optional.empty(), false, false, Optional.empty(), Optional.empty(), 0);
    }
}
