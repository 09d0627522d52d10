package org.liquide.render.output;

/**
 * Edge blending where two projectors overlap: each edge's width (share of the display, 0 for none)
 * over which brightness ramps down, the ramp's shape ({@code curve}, 1 linear, higher steeper in the
 * middle, after Paul Bourke's edge-blend function) and the projector's gamma, so the two overlapping
 * ramps add up to even light.
 */
public record SoftEdge(double left, double right, double top, double bottom, double curve, double gamma) {
    public static final SoftEdge NONE = new SoftEdge(0, 0, 0, 0, 2, 2.2);

    public SoftEdge {
        for (double width : new double[]{left, right, top, bottom}) {
            if (width < 0 || width > 0.5) {
                throw new IllegalArgumentException("soft-edge widths are between 0 and 0.5 of the display");
            }
        }
        if (curve < 1 || gamma <= 0) {
            throw new IllegalArgumentException("soft-edge curve must be >= 1 and gamma > 0");
        }
    }
}
