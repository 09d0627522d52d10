package org.liquide.camera;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.hardware.sim.visitor.Visitor;
import org.liquide.hardware.sim.visitor.VisitorScript;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A synthetic camera for demos and rehearsals without one: a dim room into which the scripted visitors of
 * the simulated sensor node ({@link VisitorScript#random}, same seed) walk, stop in front of the screen
 * and leave. Each visitor is at the distance the simulated sensors measure at the same instant, seen
 * through a camera 0.3 m behind the sensors at 1.45 m, so a visitor the sensors find close fills the
 * picture. Figures are drawn at half the resolution and blurred, which gives them the soft edges
 * of a camera slightly out of focus. Time is the frame number over the rate, from the moment the source
 * opens, as the simulated node counts from the moment it starts. Drawn as BGR24, like a camera through
 * FFmpeg.
 */
final class VisitorsSource implements FrameSource {
    static final double CAMERA_BEHIND_METRES = 0.3;
    static final double CAMERA_HEIGHT_METRES = 1.45;
    /** Focal length in frame heights (a vertical field of view of about 45°). */
    static final double FOCAL = 1.2;
    /** Where the camera's horizon lies, as a share of the frame's height from the top. */
    static final double HORIZON = 0.42;
    static final double BACK_WALL_METRES = 5.6;
    private static final int SHRINK = 2;

    private final CameraSpec.Visitors spec;
    private final VisitorScript script;
    private final byte[] backdrop;
    private final byte[] pixels;
    private final BufferedImage figures;
    private final int[] figurePixels;
    private final int[] blurScratch;
    private long frameNumber;

    VisitorsSource(CameraSpec.Visitors spec) {
        this.spec = spec;
        this.script = VisitorScript.random(spec.seed());
        this.backdrop = Backdrop.draw(spec.width(), spec.height(), spec.seed());
        this.pixels = new byte[backdrop.length];
        int smallWidth = Math.ceilDiv(spec.width(), SHRINK);
        int smallHeight = Math.ceilDiv(spec.height(), SHRINK);
        this.figures = new BufferedImage(smallWidth, smallHeight, BufferedImage.TYPE_INT_ARGB_PRE);
        this.figurePixels = ((DataBufferInt) figures.getRaster().getDataBuffer()).getData();
        this.blurScratch = new int[figurePixels.length];
    }

    @Override
    public void open() {
        frameNumber = 0;
    }

    @Override
    public boolean grab(VideoFrame into) {
        draw(Math.round(frameNumber++ * 1000 / spec.framesPerSecond()));
        ByteBuffer target = into.reshape(spec.width(), spec.height(), spec.width() * 3, PixelFormat.BGR24);
        target.put(0, pixels);
        return true;
    }

    /** Draws the room at {@code millis} from the start into {@link #pixels}. */
    void draw(long millis) {
        java.util.Arrays.fill(figurePixels, 0);
        List<VisitorFigure> present = new ArrayList<>();
        for (Visitor visitor : script.presentAt(millis)) {
            present.add(VisitorFigure.of(visitor));
        }
        // The farthest first, so nearer visitors hide them.
        present.sort(Comparator.comparingDouble((VisitorFigure f) -> f.visitor().distanceAt(millis)).reversed());
        if (!present.isEmpty()) {
            Graphics2D g = figures.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                for (VisitorFigure figure : present) {
                    drawFigure(g, figure, millis);
                }
            } finally {
                g.dispose();
            }
            BoxBlur.blur(figurePixels, blurScratch, figures.getWidth(), figures.getHeight(), 1);
            BoxBlur.blur(figurePixels, blurScratch, figures.getWidth(), figures.getHeight(), 1);
        }
        compose(!present.isEmpty());
    }

    byte[] pixels() {
        return pixels;
    }

    private void drawFigure(Graphics2D g, VisitorFigure figure, long millis) {
        double depth = figure.visitor().distanceAt(millis) / 1000 + CAMERA_BEHIND_METRES;
        double focal = FOCAL * spec.height() / SHRINK;
        double h = figure.heightMetres();
        double k = h / 1.75;
        double walking = figure.walkingAt(millis);
        double step = Math.sin(2 * Math.PI * millis / 1000.0 * 0.9);
        double bob = 0.012 * h * walking * Math.abs(Math.cos(2 * Math.PI * millis / 1000.0 * 0.9));
        var saved = g.getTransform();
        g.translate(spec.width() / (2.0 * SHRINK) + focal * figure.sidewaysAt(millis) / depth,
                HORIZON * spec.height() / SHRINK + focal * CAMERA_HEIGHT_METRES / depth);
        g.scale(focal / depth, -focal / depth);
        g.translate(0, bob);
        // The screen lights those who come near it.
        double light = Math.clamp(1.25 - 0.11 * depth, 0.55, 1.12);
        double hipWidth = 0.17 * k;
        double shoulderHalf = figure.build() * h / 2;

        Color trousers = lit(figure.trousers(), light);
        g.setStroke(new BasicStroke((float) (0.14 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(trousers);
        for (int side = -1; side <= 1; side += 2) {
            double swing = side * step * walking * 0.11 * h;
            Path2D leg = new Path2D.Double();
            leg.moveTo(side * hipWidth * 0.55, 0.5 * h);
            leg.lineTo(side * hipWidth * 0.6 + swing * 0.5, 0.27 * h);
            leg.lineTo(side * hipWidth * 0.62 + swing, 0.03 * h + Math.max(0, swing * side) * 0.3);
            g.draw(leg);
        }
        Color coat = lit(figure.coat(), light);
        g.setStroke(new BasicStroke((float) (0.09 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(lit(figure.coat(), light * 0.82));
        for (int side = -1; side <= 1; side += 2) {
            double swing = -side * step * walking * 0.06 * h;
            Path2D arm = new Path2D.Double();
            arm.moveTo(side * (shoulderHalf - 0.04 * k), 0.80 * h);
            arm.lineTo(side * (shoulderHalf + 0.005 * k) + swing * 0.4, 0.62 * h);
            arm.lineTo(side * (shoulderHalf - 0.01 * k) + swing, 0.45 * h);
            g.draw(arm);
        }
        double bottom = figure.longCoat() ? 0.27 * h : 0.47 * h;
        double hem = figure.longCoat() ? hipWidth * 1.45 : hipWidth * 1.1;
        Path2D torso = new Path2D.Double();
        torso.moveTo(-hem, bottom);
        torso.lineTo(-shoulderHalf * 0.92, 0.76 * h);
        torso.quadTo(-shoulderHalf, 0.83 * h, -0.07 * k, 0.845 * h);
        torso.lineTo(0.07 * k, 0.845 * h);
        torso.quadTo(shoulderHalf, 0.83 * h, shoulderHalf * 0.92, 0.76 * h);
        torso.lineTo(hem, bottom);
        torso.closePath();
        g.setPaint(new GradientPaint(0, (float) (0.84 * h), coat, 0, (float) bottom, lit(figure.coat(), light * 0.7)));
        g.fill(torso);

        Color skin = lit(figure.skin(), light);
        g.setColor(lit(figure.skin(), light * 0.8));
        g.fill(new Ellipse2D.Double(-0.045 * k, 0.82 * h, 0.09 * k, 0.08 * h));
        double headHeight = 0.13 * h;
        double headWidth = 0.092 * h;
        double headBottom = h - headHeight;
        boolean leaving = figure.visitor().phaseAt(millis) == Visitor.Phase.LEAVING;
        g.setColor(leaving ? lit(figure.hair(), light) : skin);
        g.fill(new Ellipse2D.Double(-headWidth / 2, headBottom, headWidth, headHeight));
        if (!leaving) {
            var clip = g.getClip();
            g.clip(new java.awt.geom.Rectangle2D.Double(-headWidth, h - headHeight * 0.38, headWidth * 2, headHeight));
            g.setColor(lit(figure.hair(), light));
            g.fill(new Ellipse2D.Double(-headWidth * 0.54, headBottom + headHeight * 0.1, headWidth * 1.08, headHeight * 0.95));
            g.setClip(clip);
        }
        g.setTransform(saved);
    }

    private static Color lit(Color colour, double light) {
        return new Color(channel(colour.getRed(), light), channel(colour.getGreen(), light), channel(colour.getBlue(), light));
    }

    private static int channel(int value, double light) {
        return (int) Math.clamp(Math.round(value * light), 0, 255);
    }

    /** The backdrop, with the blurred figures laid over it through bilinear sampling of the small canvas. */
    private void compose(boolean anyFigure) {
        if (!anyFigure) {
            System.arraycopy(backdrop, 0, pixels, 0, backdrop.length);
            return;
        }
        int width = spec.width();
        int height = spec.height();
        int smallWidth = figures.getWidth();
        int smallHeight = figures.getHeight();
        for (int y = 0; y < height; y++) {
            double sy = Math.clamp((y + 0.5) / SHRINK - 0.5, 0, smallHeight - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, smallHeight - 1);
            int fy = (int) ((sy - y0) * 256);
            int row0 = y0 * smallWidth;
            int row1 = y1 * smallWidth;
            for (int x = 0; x < width; x++) {
                double sx = Math.clamp((x + 0.5) / SHRINK - 0.5, 0, smallWidth - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, smallWidth - 1);
                int fx = (int) ((sx - x0) * 256);
                int a = figurePixels[row0 + x0];
                int b = figurePixels[row0 + x1];
                int c = figurePixels[row1 + x0];
                int d = figurePixels[row1 + x1];
                int i = (y * width + x) * 3;
                if ((a | b | c | d) == 0) {
                    pixels[i] = backdrop[i];
                    pixels[i + 1] = backdrop[i + 1];
                    pixels[i + 2] = backdrop[i + 2];
                    continue;
                }
                int alpha = bilinear(a, b, c, d, 24, fx, fy);
                int keep = 255 - alpha;
                pixels[i] = (byte) Math.min(255, ((backdrop[i] & 0xFF) * keep) / 255 + bilinear(a, b, c, d, 0, fx, fy));
                pixels[i + 1] = (byte) Math.min(255, ((backdrop[i + 1] & 0xFF) * keep) / 255 + bilinear(a, b, c, d, 8, fx, fy));
                pixels[i + 2] = (byte) Math.min(255, ((backdrop[i + 2] & 0xFF) * keep) / 255 + bilinear(a, b, c, d, 16, fx, fy));
            }
        }
    }

    private static int bilinear(int a, int b, int c, int d, int shift, int fx, int fy) {
        int top = (a >>> shift & 0xFF) * (256 - fx) + (b >>> shift & 0xFF) * fx;
        int bottom = (c >>> shift & 0xFF) * (256 - fx) + (d >>> shift & 0xFF) * fx;
        return (top * (256 - fy) + bottom * fy) >>> 16;
    }

    @Override
    public void rewind() {
        frameNumber = 0;
    }

    @Override
    public double pacingFramesPerSecond() {
        return spec.framesPerSecond();
    }

    @Override
    public String format() {
        return spec.width() + "x" + spec.height() + " @ " + (int) spec.framesPerSecond() + " fps, visitors of seed " + spec.seed();
    }

    @Override
    public void close() {
        // Nothing held outside the Java heap.
    }

    /** The empty room: a dark wall, a floor lit by the screen behind the camera, a lamp, a vignette, fixed grain. */
    static final class Backdrop {
        private Backdrop() {
        }

        static byte[] draw(int width, int height, long seed) {
            byte[] pixels = new byte[width * height * 3];
            Random grain = new Random(seed);
            double floorLine = (HORIZON + FOCAL * CAMERA_HEIGHT_METRES / BACK_WALL_METRES) * height;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double r;
                    double g;
                    double b;
                    if (y < floorLine) {
                        double t = y / floorLine;
                        r = 15 + 18 * t;
                        g = 17 + 13 * t;
                        b = 25 + 8 * t;
                        double lampX = (x - 0.74 * width) / (0.16 * width);
                        double lampY = (y - 0.26 * height) / (0.2 * height);
                        double lamp = Math.exp(-(lampX * lampX + lampY * lampY));
                        r += 34 * lamp;
                        g += 24 * lamp;
                        b += 14 * lamp;
                    } else {
                        double t = (y - floorLine) / (height - floorLine);
                        r = 34 + 36 * t;
                        g = 30 + 30 * t;
                        b = 32 + 30 * t;
                    }
                    double dx = (x + 0.5) / width - 0.5;
                    double dy = (y + 0.5) / height - 0.5;
                    double vignette = 1 - 0.9 * (dx * dx + dy * dy);
                    double noise = grain.nextGaussian() * 1.6;
                    int i = (y * width + x) * 3;
                    pixels[i] = (byte) Math.clamp(Math.round(b * vignette + noise), 0, 255);
                    pixels[i + 1] = (byte) Math.clamp(Math.round(g * vignette + noise), 0, 255);
                    pixels[i + 2] = (byte) Math.clamp(Math.round(r * vignette + noise), 0, 255);
                }
            }
            return pixels;
        }
    }

    /** A separable box blur of premultiplied ARGB pixels, in place (through {@code scratch}). */
    static final class BoxBlur {
        private BoxBlur() {
        }

        static void blur(int[] pixels, int[] scratch, int width, int height, int radius) {
            pass(pixels, scratch, width, height, 1, width, radius);
            pass(scratch, pixels, height, width, width, 1, radius);
        }

        /** Blurs {@code lines} lines of {@code length} pixels, {@code step} apart along a line, {@code stride} apart across. */
        private static void pass(int[] from, int[] to, int length, int lines, int step, int stride, int radius) {
            int span = 2 * radius + 1;
            for (int line = 0; line < lines; line++) {
                int base = line * stride;
                int a = 0;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int i = -radius; i <= radius; i++) {
                    int p = from[base + Math.clamp(i, 0, length - 1) * step];
                    a += p >>> 24;
                    r += p >>> 16 & 0xFF;
                    g += p >>> 8 & 0xFF;
                    b += p & 0xFF;
                }
                for (int i = 0; i < length; i++) {
                    to[base + i * step] = (a / span) << 24 | (r / span) << 16 | (g / span) << 8 | b / span;
                    int out = from[base + Math.max(i - radius, 0) * step];
                    int in = from[base + Math.min(i + radius + 1, length - 1) * step];
                    a += (in >>> 24) - (out >>> 24);
                    r += (in >>> 16 & 0xFF) - (out >>> 16 & 0xFF);
                    g += (in >>> 8 & 0xFF) - (out >>> 8 & 0xFF);
                    b += (in & 0xFF) - (out & 0xFF);
                }
            }
        }
    }
}
