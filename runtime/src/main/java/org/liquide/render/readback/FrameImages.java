package org.liquide.render.readback;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;

/** Turns tapped frames (RGBA, bottom row first) into images for encoders. */
public final class FrameImages {
    private FrameImages() {
    }

    /** Copies the frame into {@code reuse} when it has the right size (else a new image), top row first. */
    public static BufferedImage toImage(VideoFrame frame, BufferedImage reuse) {
        if (frame.format() != PixelFormat.RGBA32) {
            throw new IllegalArgumentException("expected an RGBA frame from a frame tap, got " + frame.format());
        }
        int width = frame.width();
        int height = frame.height();
        BufferedImage image = reuse != null && reuse.getWidth() == width && reuse.getHeight() == height
                ? reuse : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        ByteBuffer source = frame.pixels();
        int stride = frame.strideBytes();
        for (int y = 0; y < height; y++) {
            int row = (height - 1 - y) * stride;
            int out = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x * 4;
                pixels[out + x] = (source.get(i) & 0xFF) << 16 | (source.get(i + 1) & 0xFF) << 8 | (source.get(i + 2) & 0xFF);
            }
        }
        return image;
    }
}
