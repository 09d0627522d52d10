package org.liquide.showcase;

import org.liquide.render.output.SoftEdge;

import java.util.Optional;

/**
 * A screen or projector.
 *
 * @param monitor  monitor index or part of its name (empty: the primary one)
 * @param region   x0, y0, x1, y1 of the composited picture this display shows (y down), for projector pairs
 * @param corners  corner pin: where the picture's corners land, top-left, top-right, bottom-right, bottom-left
 * @param mesh     optional mesh warp: columns, rows and offsets
 */
public record DisplayConfig(String name, String monitor, int width, int height, boolean fullscreen, float[] region,
                            double[][] corners, Optional<MeshConfig> mesh, SoftEdge softEdge) {

    /** A mesh warp of {@code columns} x {@code rows} points with (dx, dy) offsets, row by row from the top. */
    public record MeshConfig(int columns, int rows, double[] offsets) {
    }
}
