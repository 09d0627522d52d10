package org.liquide.camera;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/**
 * An animated test pattern for machines with no camera: colour bars, a sweeping bar, a moving disc and
 * the frame number in large digits, so a snapshot shows which frame the compositor used.
 * Drawn as BGR24, like a real camera through FFmpeg.
 */
final class TestPatternSource implements FrameSource {
    private static final Color[] BARS = {
            new Color(192, 192, 192), new Color(192, 192, 0), new Color(0, 192, 192), new Color(0, 192, 0),
            new Color(192, 0, 192), new Color(192, 0, 0), new Color(0, 0, 192)};

    private final CameraSpec.TestPattern spec;
    private final BufferedImage image;
    private final byte[] pixels;
    private final Font font;
    private long frameNumber;

    TestPatternSource(CameraSpec.TestPattern spec) {
        this.spec = spec;
        this.image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        this.pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        this.font = new Font(Font.MONOSPACED, Font.BOLD, Math.max(12, spec.height() / 6));
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
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int barWidth = (width + BARS.length - 1) / BARS.length;
            for (int i = 0; i < BARS.length; i++) {
                g.setColor(BARS[i]);
                g.fillRect(i * barWidth, 0, barWidth, height * 2 / 3);
            }
            g.setColor(new Color(16, 16, 16));
            g.fillRect(0, height * 2 / 3, width, height - height * 2 / 3);
            double t = frame / spec.framesPerSecond();
            int sweep = (int) ((t * 0.25 % 1.0) * width);
            g.setColor(Color.WHITE);
            g.fillRect(sweep, height * 2 / 3, Math.max(4, width / 80), height / 3);
            int radius = height / 8;
            int cx = (int) (width / 2 + Math.cos(t * 1.3) * width / 3);
            int cy = (int) (height / 3 + Math.sin(t * 1.7) * height / 5);
            g.setColor(new Color(255, 140, 0));
            g.fillOval(cx - radius, cy - radius, radius * 2, radius * 2);
            g.setStroke(new BasicStroke(Math.max(2, height / 120f)));
            g.setColor(Color.BLACK);
            g.drawOval(cx - radius, cy - radius, radius * 2, radius * 2);
            g.setFont(font);
            String label = String.format(java.util.Locale.ROOT, "%06d", frame);
            int textWidth = g.getFontMetrics().stringWidth(label);
            g.setColor(Color.WHITE);
            g.drawString(label, (width - textWidth) / 2, height - height / 16);
        } finally {
            g.dispose();
        }
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
