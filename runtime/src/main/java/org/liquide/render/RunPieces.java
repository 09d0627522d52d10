package org.liquide.render;

/**
 * The pieces a run of layers is drawn in: the layers' rectangles cut the output into rectangles that are
 * each covered by the same layers of the run. A still over a region of a full-frame layer is then drawn
 * mixed with that layer where it lies, and the layer alone around it: each pixel is written once, and the
 * region costs what its own area costs. The cut runs along every edge of every rectangle (at most
 * {@code 2 * MOST} of them across, as many up); neighbouring cells covered by the same layers are joined
 * along a row, then with a piece of the rows before that spans the same columns and ends where the row
 * starts. Edges are the rectangles' own coordinates, so pieces meet without a gap or an overlap. Render
 * thread; allocates nothing.
 */
final class RunPieces {
    private static final int EDGES = 2 * LayerRunProgram.MOST;
    /** The most pieces a cut can make: one per cell of the grid the edges draw. */
    static final int MOST = (EDGES - 1) * (EDGES - 1);

    private final float[] xs = new float[EDGES];
    private final float[] ys = new float[EDGES];
    /** Each piece's rectangle: x0, y0, x1, y1 in [0,1], y up, four floats a piece. */
    final float[] rectangles = new float[4 * MOST];
    /** Each piece's layers: bit k set where the run's layer k covers it. */
    final int[] members = new int[MOST];
    /** How many pieces the last {@link #cut} made. */
    int count;

    /** Cuts the rectangles of the first {@code layers} quads into pieces. */
    void cut(LayerQuad[] quads, int layers) {
        int columns = edges(quads, layers, 0, xs);
        int rows = edges(quads, layers, 1, ys);
        count = 0;
        for (int row = 0; row + 1 < rows; row++) {
            int rowStart = count;
            float y0 = ys[row];
            float y1 = ys[row + 1];
            int column = 0;
            while (column + 1 < columns) {
                int covering = covering(quads, layers, xs[column], y0, xs[column + 1], y1);
                int end = column + 1;
                while (end + 1 < columns && covering(quads, layers, xs[end], y0, xs[end + 1], y1) == covering) {
                    end++;
                }
                if (covering != 0 && !extendAbove(rowStart, xs[column], xs[end], y0, y1, covering)) {
                    int at = 4 * count;
                    rectangles[at] = xs[column];
                    rectangles[at + 1] = y0;
                    rectangles[at + 2] = xs[end];
                    rectangles[at + 3] = y1;
                    members[count++] = covering;
                }
                column = end;
            }
        }
    }

    /** Lengthens a piece that ends where this row starts and spans the same columns with the same layers (pieces before {@code to}). */
    private boolean extendAbove(int to, float x0, float x1, float y0, float y1, int covering) {
        for (int piece = 0; piece < to; piece++) {
            int at = 4 * piece;
            if (members[piece] == covering && rectangles[at] == x0 && rectangles[at + 2] == x1 && rectangles[at + 3] == y0) {
                rectangles[at + 3] = y1;
                return true;
            }
        }
        return false;
    }

    /** The layers whose rectangle holds the cell (x0, y0)-(x1, y1), one bit each. */
    private static int covering(LayerQuad[] quads, int layers, float x0, float y0, float x1, float y1) {
        int covering = 0;
        for (int k = 0; k < layers; k++) {
            float[] q = quads[k].quad;
            if (q[0] <= x0 && x1 <= q[2] && q[1] <= y0 && y1 <= q[3]) {
                covering |= 1 << k;
            }
        }
        return covering;
    }

    /** The distinct edges along one axis (0: x, 1: y), sorted into {@code into}; returns how many. */
    private static int edges(LayerQuad[] quads, int layers, int axis, float[] into) {
        int n = 0;
        for (int k = 0; k < layers; k++) {
            n = insert(into, n, quads[k].quad[axis]);
            n = insert(into, n, quads[k].quad[axis + 2]);
        }
        return n;
    }

    private static int insert(float[] sorted, int n, float edge) {
        int at = n;
        while (at > 0 && sorted[at - 1] > edge) {
            at--;
        }
        if (at > 0 && sorted[at - 1] == edge) {
            return n;
        }
        System.arraycopy(sorted, at, sorted, at + 1, n - at);
        sorted[at] = edge;
        return n + 1;
    }
}
