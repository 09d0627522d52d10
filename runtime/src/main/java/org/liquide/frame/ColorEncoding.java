package org.liquide.frame;

/**
 * How a YUV frame's numbers mean colours: the matrix between Y'CbCr and R'G'B' and whether the values
 * span the full 0–255 (JPEG, MJPEG cameras) or the limited 16–235 / 16–240 of video. The four combinations
 * are constants, so a frame changes its encoding without allocating.
 */
public record ColorEncoding(Matrix matrix, boolean fullRange) {
    /** The luma weights of each standard (red, blue; green is the rest). */
    public enum Matrix {
        BT601(0.299, 0.114),
        BT709(0.2126, 0.0722);

        private final double kr;
        private final double kb;

        Matrix(double kr, double kb) {
            this.kr = kr;
            this.kb = kb;
        }

        public double kr() {
            return kr;
        }

        public double kb() {
            return kb;
        }
    }

    public static final ColorEncoding BT601_LIMITED = new ColorEncoding(Matrix.BT601, false);
    public static final ColorEncoding BT601_FULL = new ColorEncoding(Matrix.BT601, true);
    public static final ColorEncoding BT709_LIMITED = new ColorEncoding(Matrix.BT709, false);
    public static final ColorEncoding BT709_FULL = new ColorEncoding(Matrix.BT709, true);

    public static ColorEncoding of(Matrix matrix, boolean fullRange) {
        return matrix == Matrix.BT601 ? fullRange ? BT601_FULL : BT601_LIMITED : fullRange ? BT709_FULL : BT709_LIMITED;
    }

    /** The usual convention when a stream does not say: BT.709 from 720 lines up, BT.601 below. */
    public static Matrix conventionalMatrix(int height) {
        return height >= 720 ? Matrix.BT709 : Matrix.BT601;
    }

    /**
     * The affine map from 8-bit Y, Cb, Cr (0–255) to R, G, B in [0, 1]: {@code rgb = m · (yuv - offset)}.
     * Writes the 3×3 matrix column-major (as glUniformMatrix3fv reads it) into {@code matrix} and the
     * offset, in 0–1 units, into {@code offset}.
     */
    public void toRgb(float[] matrix3ColumnMajor, float[] offset) {
        double kr = matrix.kr();
        double kb = matrix.kb();
        double kg = 1 - kr - kb;
        double yScale = fullRange ? 1.0 : 255.0 / 219.0;
        double cScale = fullRange ? 1.0 : 255.0 / 224.0;
        double[][] m = {
                {yScale, 0, 2 * (1 - kr) * cScale},
                {yScale, -2 * kb * (1 - kb) / kg * cScale, -2 * kr * (1 - kr) / kg * cScale},
                {yScale, 2 * (1 - kb) * cScale, 0},
        };
        for (int column = 0; column < 3; column++) {
            for (int row = 0; row < 3; row++) {
                matrix3ColumnMajor[column * 3 + row] = (float) m[row][column];
            }
        }
        offset[0] = fullRange ? 0f : 16f / 255f;
        offset[1] = 128f / 255f;
        offset[2] = 128f / 255f;
    }
}
