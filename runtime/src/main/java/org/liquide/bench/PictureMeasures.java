package org.liquide.bench;

import java.awt.image.BufferedImage;

/**
 * Measures of a picture's look, on its luma in 0..255: how much detail it has at each scale (the energy of a
 * box-filter pyramid's bands), how much it changes, and how much of a change falls inside a mask.
 */
final class PictureMeasures {
    /** The bands' box sizes: band k holds what lies between boxes of {@code 2^k} and {@code 2^(k+1)} pixels. */
    static final int BANDS = 5;

    private PictureMeasures() {
    }

    static float[] luma(BufferedImage image) {
        int width = image.getWidth();
        float[] luma = new float[width * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                luma[y * width + x] = 0.2126f * (rgb >> 16 & 0xFF) + 0.7152f * (rgb >> 8 & 0xFF) + 0.0722f * (rgb & 0xFF);
            }
        }
        return luma;
    }

    /**
     * The root mean square of each band: band 0 is the image less its 2-pixel box blur (the finest grain),
     * band k the 2^k blur less the 2^(k+1) one. A flat image has none; noise only band 0; soft blobs only
     * the last ones.
     */
    static double[] bandEnergies(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] luma = luma(image);
        float[] finer = luma;
        double[] energies = new double[BANDS];
        for (int band = 0; band < BANDS; band++) {
            float[] coarser = boxBlur(luma, width, height, 2 << band);
            double sum = 0;
            for (int i = 0; i < finer.length; i++) {
                double d = finer[i] - coarser[i];
                sum += d * d;
            }
            energies[band] = Math.sqrt(sum / finer.length);
            finer = coarser;
        }
        return energies;
    }

    /** Mean of |a - b| over the pixels, in luma levels. */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        float[] la = luma(a);
        float[] lb = luma(b);
        double sum = 0;
        for (int i = 0; i < la.length; i++) {
            sum += Math.abs(la[i] - lb[i]);
        }
        return sum / la.length;
    }

    /** Mean of |a - b| inside and outside the mask, in luma levels: {inside, outside}. */
    static double[] maskedDifference(BufferedImage a, BufferedImage b, boolean[] mask) {
        float[] la = luma(a);
        float[] lb = luma(b);
        double[] sum = new double[2];
        long[] count = new long[2];
        for (int i = 0; i < la.length; i++) {
            int k = mask[i] ? 0 : 1;
            sum[k] += Math.abs(la[i] - lb[i]);
            count[k]++;
        }
        return new double[]{count[0] == 0 ? 0 : sum[0] / count[0], count[1] == 0 ? 0 : sum[1] / count[1]};
    }

    /** Where {@code picture} differs from {@code empty} by more than {@code levels} of luma. */
    static boolean[] differenceMask(BufferedImage picture, BufferedImage empty, double levels) {
        float[] lp = luma(picture);
        float[] le = luma(empty);
        boolean[] mask = new boolean[lp.length];
        for (int i = 0; i < lp.length; i++) {
            mask[i] = Math.abs(lp[i] - le[i]) > levels;
        }
        return mask;
    }

    /** A box blur {@code size} pixels wide (centred, edges clamped), through a summed-area table. */
    static float[] boxBlur(float[] values, int width, int height, int size) {
        double[] table = new double[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += values[y * width + x];
                table[(y + 1) * (width + 1) + x + 1] = table[y * (width + 1) + x + 1] + row;
            }
        }
        float[] out = new float[values.length];
        int before = size / 2;
        int after = size - before;
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - before);
            int y1 = Math.min(height, y + after);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - before);
                int x1 = Math.min(width, x + after);
                double sum = table[y1 * (width + 1) + x1] - table[y0 * (width + 1) + x1]
                        - table[y1 * (width + 1) + x0] + table[y0 * (width + 1) + x0];
                out[y * width + x] = (float) (sum / ((x1 - x0) * (y1 - y0)));
            }
        }
        return out;
    }
}
