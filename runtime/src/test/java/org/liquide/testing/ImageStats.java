package org.liquide.testing;

import java.awt.image.BufferedImage;

/** Per-channel statistics over a rectangle of an image. */
public record ImageStats(double meanRed, double meanGreen, double meanBlue, double stdRed, double stdGreen, double stdBlue) {

    public static ImageStats of(BufferedImage image, int x0, int y0, int x1, int y1) {
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int[] c = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
                for (int k = 0; k < 3; k++) {
                    sum[k] += c[k];
                    sumSq[k] += (double) c[k] * c[k];
                }
                n++;
            }
        }
        double[] mean = new double[3];
        double[] std = new double[3];
        for (int k = 0; k < 3; k++) {
            mean[k] = sum[k] / n;
            std[k] = Math.sqrt(Math.max(0, sumSq[k] / n - mean[k] * mean[k]));
        }
        return new ImageStats(mean[0], mean[1], mean[2], std[0], std[1], std[2]);
    }

    public static ImageStats of(BufferedImage image) {
        return of(image, 0, 0, image.getWidth(), image.getHeight());
    }
}
