package org.liquide.scene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /** Decodes a 3x2 picture whose last pixel is {@code lastArgb}; returns the format and the bytes named. */
    private Object[] decoded(String name, String format, int type, int lastArgb, int... byteIndexes) throws Exception {
        VideoFrame frame = ScenePreparer.decode(write(name, format, type, lastArgb));
        try {
            Object[] result = new Object[1 + byteIndexes.length];
            result[0] = frame.format();
            for (int i = 0; i < byteIndexes.length; i++) {
                result[1 + i] = frame.pixels().get(byteIndexes[i]) & 0xFF;
            }
            return result;
        } finally {
            frame.free();
        }
    }

    @Test
    void anImageWithAnAlphaChannelItDoesNotUseDecodesAsOpaqueRgb() throws Exception {
        // rows of 3 pixels of 3 bytes: the first red, and the last pixel's blue
        Object[] opaque = decoded("opaque.png", "png", BufferedImage.TYPE_INT_ARGB, 0xFF0A0B0C, 0, 9 + 2 * 3 + 2);
        assertArrayEquals(new Object[]{PixelFormat.RGB24, 0x20, 0x0C}, opaque);
    }

    @Test
    void aTranslucentPixelKeepsTheAlphaChannel() throws Exception {
        // rows of 3 pixels of 4 bytes: the first alpha, and the last pixel's alpha
        Object[] veil = decoded("veil.png", "png", BufferedImage.TYPE_INT_ARGB, 0x800A0B0C, 3, 12 + 2 * 4 + 3);
        assertArrayEquals(new Object[]{PixelFormat.RGBA32, 0xFF, 0x80}, veil);
    }

    @Test
    void aJpegDecodesAsRgb() throws Exception {
        Object[] photo = decoded("photo.jpg", "jpg", BufferedImage.TYPE_INT_RGB, 0xFF204060, 1);
        assertEquals(PixelFormat.RGB24, photo[0]);
        assertEquals(0x40, (int) photo[1], 2);
    }
}
