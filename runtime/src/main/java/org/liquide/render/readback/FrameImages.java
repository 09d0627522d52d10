package org.liquide.render.readback;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
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
        // 3-byte BGR: what the JPEG writer takes without converting (an int image costs a full copy per encode).
        BufferedImage image = reuse != null && reuse.getWidth() == width && reuse.getHeight() == height
                && reuse.getType() == BufferedImage.TYPE_3BYTE_BGR ? reuse : new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteBuffer source = frame.pixels();
        int stride = frame.strideBytes();
        for (int y = 0; y < height; y++) {
            int row = (height - 1 - y) * stride;
            int out = y * width * 3;
            for (int x = 0; x < width; x++) {
                int i = row + x * 4;
                int o = out + x * 3;
                pixels[o] = source.get(i + 2);
                pixels[o + 1] = source.get(i + 1);
                pixels[o + 2] = source.get(i);
            }
        }
        return image;
    }
}
