package org.liquide.soak;

import java.util.Locale;

/** A plain SVG chart of stacked panels, each with lines of (x, y) points: what the soak reports draw. */
final class SvgChart {
    static final int WIDTH = 900;
    static final int PANEL = 220;
    static final int MARGIN = 50;

    private final StringBuilder svg = new StringBuilder();
    private final double xMax;

    /** A chart of {@code panels} panels sharing an x axis from 0 to {@code xMax}. */
    SvgChart(int panels, double xMax) {
        this.xMax = Math.max(1e-9, xMax);
        int height = panels * PANEL + (panels + 1) * MARGIN;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
    }

    /** The top of panel {@code index} (0 first). */
    static int top(int index) {
        return MARGIN + index * (PANEL + MARGIN);
    }

    double x(double value) {
        return MARGIN + value / xMax * (WIDTH - 2 * MARGIN);
    }

    void axes(int top, String label, double yMax, String xEndLabel) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#bbb\"/>%n",
                MARGIN, top, WIDTH - 2 * MARGIN, PANEL));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s (top %.0f)</text>%n", MARGIN, top - 6, label, yMax));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", WIDTH - MARGIN, top + PANEL + 14, xEndLabel));
    }

    void line(int top, double yMax, double[] xs, double[] ys, String colour, String name, int legendRow) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(ys[i])) {
                double y = top + PANEL - Math.min(ys[i], yMax) / yMax * PANEL;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(xs[i]), y));
            }
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"><title>%s</title></polyline>%n",
                colour, points.toString().trim(), name));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", WIDTH - MARGIN - 150, top + 14 + 13 * legendRow, colour, name));
    }

    void horizontal(int top, double yMax, double y, String colour) {
        double at = top + PANEL - y / yMax * PANEL;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>%n",
                MARGIN, at, WIDTH - MARGIN, at, colour));
    }

    void vertical(double xValue, int fromY, int toY, String colour, String label) {
        double at = x(xValue);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-opacity=\"0.5\"/>%n",
                at, fromY, at, toY, colour));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" transform=\"rotate(-90 %.1f %d)\">%s</text>%n",
                at + 3, toY - 4, colour, at + 3, toY - 4, label));
    }

    String finish() {
        return svg + "</svg>\n";
    }
}
