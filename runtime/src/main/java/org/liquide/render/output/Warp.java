package org.liquide.render.output;

import java.util.Arrays;

/**
 * How a display bends the picture to fit its screen: a corner pin (where the picture's four corners
 * land on the display, a perspective keystone) and an optional mesh of offsets for curved surfaces.
 * Mutable (technicians drag corners live); owned by the render thread, which reads it every frame.
 */
public final class Warp {
    /** Corners in display coordinates [0,1]², y down: top-left, top-right, bottom-right, bottom-left. */
    private final double[] corners = {0, 0, 1, 0, 1, 1, 0, 1};
    private int meshColumns;
    private int meshRows;
    /** Offsets (dx, dy) in picture coordinates at each mesh point, row by row from the top. */
    private double[] meshOffsets = new double[0];
    /** Display → picture homography, recomputed when a corner moves (not per frame). */
    private final float[] inverse = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    /** A warp pinned at four corners ([x, y] each, top-left first); a folded pin is refused. */
    public static Warp pinned(double[][] corners) {
        if (corners.length != 4) {
            throw new IllegalArgumentException("a corner pin has four corners");
        }
        double[] flat = new double[8];
        for (int i = 0; i < 4; i++) {
            flat[i * 2] = corners[i][0];
            flat[i * 2 + 1] = corners[i][1];
        }
        Warp warp = new Warp();
        warp.pin(flat);
        return warp;
    }

    /** Moves a corner; a move that would fold the picture (a quad that is not convex) is refused. */
    public void setCorner(int index, double x, double y) {
        if (index < 0 || index > 3) {
            throw new IllegalArgumentException("corner index is 0 to 3 (top-left, top-right, bottom-right, bottom-left)");
        }
        double[] moved = corners.clone();
        moved[index * 2] = x;
        moved[index * 2 + 1] = y;
        pin(moved);
    }

    private void pin(double[] moved) {
        for (double value : moved) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("corner coordinates must be numbers");
            }
        }
        requireConvex(moved);
        double[] inverted = invert(squareToQuad(moved));
        System.arraycopy(moved, 0, corners, 0, corners.length);
        for (int i = 0; i < 9; i++) {
            inverse[i] = (float) inverted[i];
        }
    }

    public double cornerX(int index) {
        return corners[index * 2];
    }

    public double cornerY(int index) {
        return corners[index * 2 + 1];
    }

    /** Sets a mesh of {@code columns} x {@code rows} points (2 to 8 each); {@code offsets} holds dx, dy per point. */
    public void setMesh(int columns, int rows, double[] offsets) {
        if (columns < 2 || rows < 2 || columns > 8 || rows > 8 || offsets.length != columns * rows * 2) {
            throw new IllegalArgumentException("a mesh has 2 to 8 columns and rows, with dx, dy for each point");
        }
        this.meshColumns = columns;
        this.meshRows = rows;
        this.meshOffsets = offsets.clone();
    }

    public int meshColumns() {
        return meshColumns;
    }

    public int meshRows() {
        return meshRows;
    }

    public double[] meshOffsets() {
        return meshOffsets;
    }

    /**
     * Fills {@code out} (9 values, row-major) with the homography that takes display coordinates to picture
     * coordinates: the inverse of the corner pin, so the fragment shader can look up the picture.
     */
    public void inverseHomography(float[] out) {
        System.arraycopy(inverse, 0, out, 0, 9);
    }

    /**
     * The four corners, in their order, must turn the same way at each corner: otherwise the picture folds
     * over itself (a concave or crossed quad, or three corners on a line). Either way round is accepted, so
     * a mirrored pin (rear projection) is fine.
     */
    private static void requireConvex(double[] q) {
        int positive = 0;
        int negative = 0;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            int k = (i + 2) % 4;
            double cross = (q[j * 2] - q[i * 2]) * (q[k * 2 + 1] - q[j * 2 + 1]) - (q[j * 2 + 1] - q[i * 2 + 1]) * (q[k * 2] - q[j * 2]);
            if (cross > 1e-9) {
                positive++;
            } else if (cross < -1e-9) {
                negative++;
            }
        }
        if (positive != 4 && negative != 4) {
            throw new IllegalArgumentException("the corner pin would fold the picture: the corners must make a convex shape,"
                    + " in the order top-left, top-right, bottom-right, bottom-left, with no three on a line");
        }
    }

    /** The projective map from the unit square to the quad (Heckbert's closed form). */
    static double[] squareToQuad(double[] q) {
        double x0 = q[0], y0 = q[1], x1 = q[2], y1 = q[3], x2 = q[4], y2 = q[5], x3 = q[6], y3 = q[7];
        double sx = x0 - x1 + x2 - x3;
        double sy = y0 - y1 + y2 - y3;
        double a, b, c, d, e, f, g, h;
        if (Math.abs(sx) < 1e-12 && Math.abs(sy) < 1e-12) {
            a = x1 - x0;
            b = x2 - x1;
            c = x0;
            d = y1 - y0;
            e = y2 - y1;
            f = y0;
            g = 0;
            h = 0;
        } else {
            double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
            double det = dx1 * dy2 - dx2 * dy1;
            g = (sx * dy2 - dx2 * sy) / det;
            h = (dx1 * sy - sx * dy1) / det;
            a = x1 - x0 + g * x1;
            b = x3 - x0 + h * x3;
            c = x0;
            d = y1 - y0 + g * y1;
            e = y3 - y0 + h * y3;
            f = y0;
        }
        // Maps (u, v) with u along the top edge and v along the left edge.
        return new double[]{a, b, c, d, e, f, g, h, 1};
    }

    static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
        double det = a * A + b * B + c * C;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("the corner pin is degenerate (three corners on a line)");
        }
        double[] r = {A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d};
        for (int k = 0; k < 9; k++) {
            r[k] /= det;
        }
        return r;
    }

    /** Maps a display point through the inverse homography (for tests and the panel). */
    public double[] displayToPicture(double x, double y) {
        float[] h = new float[9];
        inverseHomography(h);
        double w = h[6] * x + h[7] * y + h[8];
        return new double[]{(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    @Override
    public String toString() {
        return "Warp" + Arrays.toString(corners);
    }
}
