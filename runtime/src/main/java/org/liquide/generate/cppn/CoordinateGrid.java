package org.liquide.generate.cppn;

import org.liquide.generate.engine.TensorBuffer;

/**
 * The CPPN's per-pixel coordinates: x and y in [-1, 1] along the shorter side (so circles stay round),
 * and the distance from the centre.
 */
final class CoordinateGrid {
    private CoordinateGrid() {
    }

    static void fill(TensorBuffer coords, int width, int height) {
        coords.reshape((long) width * height, 3);
        float half = Math.min(width, height) / 2f;
        for (int y = 0; y < height; y++) {
            float py = (height / 2f - (y + 0.5f)) / half;
            for (int x = 0; x < width; x++) {
                float px = ((x + 0.5f) - width / 2f) / half;
                int i = (y * width + x) * 3;
                coords.setFloat(i, px);
                coords.setFloat(i + 1, py);
                coords.setFloat(i + 2, (float) Math.sqrt(px * px + py * py));
            }
        }
    }
}
