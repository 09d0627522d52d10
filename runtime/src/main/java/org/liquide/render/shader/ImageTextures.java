package org.liquide.render.shader;

import org.liquide.render.gl.Texture2D;
import org.lwjgl.system.MemoryUtil;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL11C.*;

/**
 * Uploads images for shaders: RGBA, bottom row first, as OpenGL and ISF coordinates expect
 * ({@code IMG_NORM_PIXEL(image, vec2(0.0))} is the bottom-left corner). Render thread; allocates.
 */
public final class ImageTextures {
    private ImageTextures() {
    }

    /** A new texture holding the image. */
    public static Texture2D upload(BufferedImage image) {
        Texture2D texture = new Texture2D();
        upload(image, texture);
        return texture;
    }

    /** Replaces the texture's content with the image (reallocating it if the size differs). */
    public static void upload(BufferedImage image, Texture2D texture) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        ByteBuffer pixels = MemoryUtil.memAlloc(width * height * 4);
        try {
            for (int y = 0; y < height; y++) {
                int row = (height - 1 - y) * width;
                for (int x = 0; x < width; x++) {
                    int c = argb[row + x];
                    pixels.put((byte) (c >> 16)).put((byte) (c >> 8)).put((byte) c).put((byte) (c >>> 24));
                }
            }
            pixels.flip();
            texture.ensureStorage(width, height, GL_RGBA8);
            glBindTexture(GL_TEXTURE_2D, texture.id());
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }

    /** A 1x1 texture of one colour (components 0..255). */
    static Texture2D solid(int r, int g, int b, int a) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, (a & 0xFF) << 24 | (r & 0xFF) << 16 | (g & 0xFF) << 8 | (b & 0xFF));
        return upload(image);
    }
}
