package org.liquide.render.gl;

import org.lwjgl.system.MemoryUtil;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;

/** Reads a composited frame back from the GPU into an image. For snapshots: it waits for the GPU. */
public final class FrameReadback {
    private FrameReadback() {
    }

    /** The framebuffer's pixels as an RGB image, top row first. Render thread only. */
    public static BufferedImage read(Framebuffer framebuffer) {
        return read(framebuffer.id(), framebuffer.width(), framebuffer.height());
    }

    /** The pixels of a framebuffer by id (0: the current window's back buffer). Render thread only. */
    public static BufferedImage read(int framebufferId, int width, int height) {
        ByteBuffer pixels = MemoryUtil.memAlloc(width * height * 4);
        try {
            glBindFramebuffer(GL_FRAMEBUFFER, framebufferId);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                int base = (height - 1 - y) * width * 4;
                for (int x = 0; x < width; x++) {
                    int i = base + x * 4;
                    row[x] = (pixels.get(i) & 0xFF) << 16 | (pixels.get(i + 1) & 0xFF) << 8 | (pixels.get(i + 2) & 0xFF);
                }
                image.setRGB(0, y, width, 1, row, 0, width);
            }
            return image;
        } finally {
            MemoryUtil.memFree(pixels);
        }
    }

    /** Writes an image as PNG, creating parent folders. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        write(image, file, "png");
    }

    /** Writes an image as JPEG when the file's name ends in .jpg or .jpeg, else as PNG, creating parent folders. */
    public static void writeByName(BufferedImage image, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        write(image, file, name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpg" : "png");
    }

    private static void write(BufferedImage image, Path file, String format) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no " + format + " writer available");
        }
    }
}
