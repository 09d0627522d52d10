package org.liquide.render;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** How a run of layers is cut into pieces, each covered by the same layers: checked by hand and against every cell. */
class RunPiecesTest {
    private final RunPieces pieces = new RunPieces();

    private static LayerQuad over(float x0, float y0, float x1, float y1) {
        LayerQuad quad = new LayerQuad();
        quad.quad[0] = x0;
        quad.quad[1] = y0;
        quad.quad[2] = x1;
        quad.quad[3] = y1;
        return quad;
    }

    private float[] piece(int index) {
        return new float[]{pieces.rectangles[4 * index], pieces.rectangles[4 * index + 1],
                pieces.rectangles[4 * index + 2], pieces.rectangles[4 * index + 3]};
    }

    /** The last cut made exactly these pieces, in this order: their layers, and their rectangles (x0, y0, x1, y1). */
    private void assertPieces(int[] members, float[]... rectangles) {
        assertEquals(rectangles.length, pieces.count);
        for (int i = 0; i < rectangles.length; i++) {
            assertArrayEquals(rectangles[i], piece(i), "piece " + i);
        }
        assertArrayEquals(members, java.util.Arrays.copyOf(pieces.members, pieces.count));
    }

    @Test
    void layersOverTheSameRectangleAreOnePiece() {
        pieces.cut(new LayerQuad[]{over(0, 0, 1, 1), over(0, 0, 1, 1), over(0, 0, 1, 1)}, 3);
        assertPieces(new int[]{0b111}, new float[]{0, 0, 1, 1});
    }

    @Test
    void aRegionInTheMiddleIsMixedWithTheLayerBelowThereAndTheLayerIsAloneAroundIt() {
        pieces.cut(new LayerQuad[]{over(0, 0, 1, 1), over(0.25f, 0.25f, 0.75f, 0.75f)}, 2);
        // Rows from the bottom: a whole-width strip, then left, middle and right, then the top strip.
        assertPieces(new int[]{0b01, 0b01, 0b11, 0b01, 0b01},
                new float[]{0, 0, 1, 0.25f},
                new float[]{0, 0.25f, 0.25f, 0.75f},
                new float[]{0.25f, 0.25f, 0.75f, 0.75f},
                new float[]{0.75f, 0.25f, 1, 0.75f},
                new float[]{0, 0.75f, 1, 1});
    }

    @Test
    void aRegionInACornerLeavesTheLayerBelowInTwoPieces() {
        // The top-left quarter (y up: x from 0 to 0.5, y from 0.5 to 1).
        pieces.cut(new LayerQuad[]{over(0, 0, 1, 1), over(0, 0.5f, 0.5f, 1)}, 2);
        assertPieces(new int[]{0b01, 0b11, 0b01},
                new float[]{0, 0, 1, 0.5f},
                new float[]{0, 0.5f, 0.5f, 1},
                new float[]{0.5f, 0.5f, 1, 1});
    }

    @Test
    void columnsCoveredByTheSameLayersRowAfterRowAreOnePiece() {
        // Two regions one above the other on the right half of a layer: its left half stays one piece.
        pieces.cut(new LayerQuad[]{over(0, 0, 1, 1), over(0.5f, 0, 1, 0.3f), over(0.5f, 0.3f, 1, 1)}, 3);
        assertPieces(new int[]{0b001, 0b011, 0b101},
                new float[]{0, 0, 0.5f, 1},
                new float[]{0.5f, 0, 1, 0.3f},
                new float[]{0.5f, 0.3f, 1, 1});
    }

    @Test
    void layersApartAreDrawnApartAndWhatNoneCoversNotAtAll() {
        pieces.cut(new LayerQuad[]{over(0, 0, 0.25f, 1), over(0.75f, 0, 1, 1)}, 2);
        assertPieces(new int[]{0b01, 0b10},
                new float[]{0, 0, 0.25f, 1},
                new float[]{0.75f, 0, 1, 1});
    }

    @Test
    void piecesTileWhatTheLayersCoverOnceWithTheLayersThatCoverEachPoint() {
        Random random = new Random(15);
        for (int round = 0; round < 500; round++) {
            int layers = 1 + random.nextInt(LayerRunProgram.MOST);
            LayerQuad[] quads = new LayerQuad[layers];
            for (int k = 0; k < layers; k++) {
                // Edges on a grid of tenths, so that many coincide, as regions' edges do.
                float x0 = random.nextInt(10) / 10f;
                float y0 = random.nextInt(10) / 10f;
                quads[k] = over(x0, y0, x0 + (1 + random.nextInt(10)) / 10f, y0 + (1 + random.nextInt(10)) / 10f);
            }
            pieces.cut(quads, layers);
            assertTrue(pieces.count <= RunPieces.MOST);
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 40; j++) {
                    float x = (i + 0.5f) / 20f;  // the centres of a finer grid, out to 2
                    float y = (j + 0.5f) / 20f;
                    int expected = 0;
                    for (int k = 0; k < layers; k++) {
                        float[] q = quads[k].quad;
                        if (q[0] <= x && x < q[2] && q[1] <= y && y < q[3]) {
                            expected |= 1 << k;
                        }
                    }
                    int holding = 0;
                    int members = 0;
                    for (int p = 0; p < pieces.count; p++) {
                        float[] r = piece(p);
                        if (r[0] <= x && x < r[2] && r[1] <= y && y < r[3]) {
                            holding++;
                            members = pieces.members[p];
                        }
                    }
                    assertEquals(expected == 0 ? 0 : 1, holding, "pieces holding (" + x + ", " + y + ") in round " + round);
                    assertEquals(expected, members, "layers at (" + x + ", " + y + ") in round " + round);
                }
            }
        }
    }
}
