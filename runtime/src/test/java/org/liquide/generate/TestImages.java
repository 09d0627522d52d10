package org.liquide.generate;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.image.ImageFiles;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/** Images drawn with Java2D for the tests, and ways to compare frames. */
public final class TestImages {
    private TestImages() {
    }

    /** A smooth gradient with a disc and a bar: varied but without hard noise. */
    public static BufferedImage scene(int width, int height, int variant) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 200), width, height, new Color(240, 200, 40)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(220, 40, 60));
        int disc = Math.min(width, height) / 2;
        g.fillOval(width / 4 + variant * width / 8, height / 4, disc, disc);
        g.setColor(new Color(20, 160, 90));
        g.fillRect(width / 10, height * 2 / 3, width / 3, height / 8);
        g.dispose();
        return image;
    }

    public static VideoFrame sceneFrame(int width, int height, int variant) {
        VideoFrame frame = new VideoFrame();
        ImageFiles.fromImage(scene(width, height, variant), frame);
        return frame;
    }

    /** Mean absolute difference of two RGB24 frames of the same size, in levels (0 to 255). */
    public static double meanAbsDifference(VideoFrame a, VideoFrame b) {
        if (a.width() != b.width() || a.height() != b.height() || a.format() != PixelFormat.RGB24
                || b.format() != PixelFormat.RGB24) {
            throw new AssertionError("frames differ in size or format: " + a.width() + "x" + a.height() + " "
                    + a.format() + " vs " + b.width() + "x" + b.height() + " " + b.format());
        }
        long sum = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width() * 3; x++) {
                sum += Math.abs((a.pixels().get(y * a.strideBytes() + x) & 0xFF)
                        - (b.pixels().get(y * b.strideBytes() + x) & 0xFF));
            }
        }
        return sum / (double) (a.width() * a.height() * 3);
    }

    public static byte[] bytes(VideoFrame frame) {
        byte[] bytes = new byte[frame.width() * 3 * frame.height()];
        ByteBuffer pixels = frame.pixels();
        for (int y = 0; y < frame.height(); y++) {
            pixels.get(y * frame.strideBytes(), bytes, y * frame.width() * 3, frame.width() * 3);
        }
        return bytes;
    }

    /** The standard deviation of all channel values: near 0 for a flat image. */
    public static double contrast(VideoFrame frame) {
        byte[] bytes = bytes(frame);
        double mean = 0;
        for (byte b : bytes) {
            mean += b & 0xFF;
        }
        mean /= bytes.length;
        double variance = 0;
        for (byte b : bytes) {
            variance += ((b & 0xFF) - mean) * ((b & 0xFF) - mean);
        }
        return Math.sqrt(variance / bytes.length);
    }
}
