package org.liquide.render.output;

import java.util.Optional;

/**
 * A display as the render loop opens it: where (monitor, fullscreen, size), which part of the picture
 * (region x0, y0, x1, y1, y down), how it is bent (corner pin: four [x, y] corners top-left first;
 * optional mesh) and soft-edged.
 */
public record DisplaySetup(String name, String monitor, int width, int height, boolean fullscreen, float[] region,
                           double[][] corners, Optional<Mesh> mesh, SoftEdge softEdge) {

    /** A mesh warp: columns x rows points, (dx, dy) per point row by row from the top. */
    public record Mesh(int columns, int rows, double[] offsets) {
    }

    /** The warp this setup starts with. */
    public Warp warp() {
        Warp warp = Warp.pinned(corners);
        mesh.ifPresent(m -> warp.setMesh(m.columns(), m.rows(), m.offsets()));
        return warp;
    }
}
