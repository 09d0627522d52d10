package org.liquide.camera;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/**
 * An animated test pattern for machines with no camera, made to rehearse a show as much as to test it:
 * a dim room in which a lit figure walks to and fro and comes nearer and farther (so camera vision
 * sees motion, presence and a moving centroid), with calibration swatches and the frame number in the
 * corner, so a snapshot shows which frame the compositor used. Drawn as BGR24, like a camera through
 * FFmpeg.
 */
final class TestPatternSource implements FrameSource {
    private static final Color[] SWATCHES = {
            new Color(192, 192, 192), new Color(192, 192, 0), new Color(0, 192, 192), new Color(0, 192, 0),
            new Color(192, 0, 192), new Color(192, 0, 0), new Color(0, 0, 192)};

    private final CameraSpec.TestPattern spec;
    private final BufferedImage image;
    private final byte[] pixels;
    private final Font font;
    private final GradientPaint room;
    private long frameNumber;

    TestPatternSource(CameraSpec.TestPattern spec) {
        this.spec = spec;
        this.image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        this.pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        this.font = new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, spec.height() / 18));
        this.room = new GradientPaint(0, 0, new Color(14, 16, 24), 0, spec.height(), new Color(44, 38, 36));
    }

    @Override
    public void open() {
        frameNumber = 0;
    }

    @Override
    public boolean grab(VideoFrame into) {
        draw(frameNumber++);
        ByteBuffer target = into.reshape(spec.width(), spec.height(), spec.width() * 3, PixelFormat.BGR24);
        target.put(0, pixels);
        return true;
    }

    private void draw(long frame) {
        int width = spec.width();
        int height = spec.height();
        double t = frame / spec.framesPerSecond();
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(room);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(60, 52, 48));
            g.fillRect(0, height * 7 / 10, width, 2);
            // A visitor walking across the room and coming nearer, lit from the front.
            double depth = 0.55 + 0.45 * Math.sin(t * 0.31);
            drawFigure(g, width / 2.0 + Math.sin(t * 0.23) * width * 0.33, height * 0.72, height * 0.55 * depth,
                    new Color(236, 196, 160), t);
            // Now and then a second visitor further back.
            if (Math.sin(t * 0.11) > 0.3) {
                drawFigure(g, width * (0.8 - 0.6 * ((t * 0.05) % 1.0)), height * 0.7, height * 0.3, new Color(150, 170, 210), t + 2);
            }
            int swatch = Math.max(4, height / 40);
            for (int i = 0; i < SWATCHES.length; i++) {
                g.setColor(SWATCHES[i]);
                g.fillRect(swatch + i * swatch * 2, height - swatch * 3, swatch * 2, swatch * 2);
            }
            g.setFont(font);
            String label = String.format(java.util.Locale.ROOT, "LIQUIDE TEST PATTERN  %06d", frame);
            int textWidth = g.getFontMetrics().stringWidth(label);
            g.setColor(new Color(200, 200, 200));
            g.drawString(label, width - textWidth - swatch, height - swatch);
        } finally {
            g.dispose();
        }
    }

    private static void drawFigure(Graphics2D g, double x, double feet, double size, Color light, double t) {
        double head = size * 0.14;
        double shoulders = size * 0.32;
        double stride = Math.sin(t * 4.2) * size * 0.06;
        g.setColor(light.darker());
        g.setStroke(new BasicStroke((float) (size * 0.08), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine((int) (x - size * 0.05), (int) (feet - size * 0.42), (int) (x - size * 0.05 + stride), (int) feet);
        g.drawLine((int) (x + size * 0.05), (int) (feet - size * 0.42), (int) (x + size * 0.05 - stride), (int) feet);
        g.setColor(light);
        g.fillRoundRect((int) (x - shoulders / 2), (int) (feet - size * 0.82), (int) shoulders, (int) (size * 0.45),
                (int) (size * 0.12), (int) (size * 0.12));
        g.fillOval((int) (x - head / 2), (int) (feet - size), (int) head, (int) (head * 1.2));
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
        return spec.width() + "x" + spec.height() + " @ " + (int) spec.framesPerSecond() + " fps";
    }

    @Override
    public void close() {
        // Nothing held outside the Java heap.
    }
}
