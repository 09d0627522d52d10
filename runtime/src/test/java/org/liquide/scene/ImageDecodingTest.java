package org.liquide.scene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageDecodingTest {
    @TempDir
    Path dir;

    private Path write(String name, String format, int type, int argb) throws Exception {
        BufferedImage image = new BufferedImage(3, 2, type);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, x == 2 && y == 1 ? argb : 0xFF204060);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    @Test
    void anImageWithAnAlphaChannelItDoesNotUseDecodesAsOpaqueRgb() throws Exception {
        VideoFrame frame = ScenePreparer.decode(write("opaque.png", "png", BufferedImage.TYPE_INT_ARGB, 0xFF0A0B0C));
        try {
            assertEquals(PixelFormat.RGB24, frame.format());
            assertEquals(9, frame.strideBytes());
            assertEquals(0x20, frame.pixels().get(0) & 0xFF);
            assertEquals(0x0C, frame.pixels().get(9 + 2 * 3 + 2) & 0xFF, "the last pixel's blue");
        } finally {
            frame.free();
        }
    }

    @Test
    void aTranslucentPixelKeepsTheAlphaChannel() throws Exception {
        VideoFrame frame = ScenePreparer.decode(write("veil.png", "png", BufferedImage.TYPE_INT_ARGB, 0x800A0B0C));
        try {
            assertEquals(PixelFormat.RGBA32, frame.format());
            assertEquals(0xFF, frame.pixels().get(3) & 0xFF);
            assertEquals(0x80, frame.pixels().get(12 + 2 * 4 + 3) & 0xFF, "the last pixel's alpha");
        } finally {
            frame.free();
        }
    }

    @Test
    void aJpegDecodesAsRgb() throws Exception {
        VideoFrame frame = ScenePreparer.decode(write("photo.jpg", "jpg", BufferedImage.TYPE_INT_RGB, 0xFF204060));
        try {
            assertEquals(PixelFormat.RGB24, frame.format());
            assertEquals(0x40, frame.pixels().get(1) & 0xFF, 2);
        } finally {
            frame.free();
        }
    }
}
