package org.liquide.generate.image;

import org.liquide.frame.ImageFile;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads image files into RGB24 frames and writes RGB24 frames as image files (PNG, JPEG, BMP). */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Reads an image into {@code frame} as RGB24; throws IOException when it is missing or unreadable. */
    public static void read(Path file, VideoFrame frame) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("image not found: " + file);
        }
        BufferedImage image;
        try {
            image = ImageFile.read(file);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        fromImage(image, frame);
    }

    public static void fromImage(BufferedImage image, VideoFrame frame) {
        int width = image.getWidth();
        int height = image.getHeight();
        ByteBuffer pixels = frame.reshape(width, height, width * 3, PixelFormat.RGB24);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int offset = (y * width + x) * 3;
                pixels.put(offset, (byte) (argb >> 16));
                pixels.put(offset + 1, (byte) (argb >> 8));
                pixels.put(offset + 2, (byte) argb);
            }
        }
    }

    /** The frame as an image; RGB24 frames only. */
    public static BufferedImage toImage(VideoFrame frame) {
        if (frame.format() != PixelFormat.RGB24) {
            throw new IllegalArgumentException("expected an RGB24 frame, got " + frame.format());
        }
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        ByteBuffer pixels = frame.pixels();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int offset = y * frame.strideBytes() + x * 3;
                int rgb = (pixels.get(offset) & 0xFF) << 16 | (pixels.get(offset + 1) & 0xFF) << 8
                        | (pixels.get(offset + 2) & 0xFF);
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** Writes the frame in the format the file's extension names (png, jpg/jpeg, bmp). */
    public static void write(VideoFrame frame, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg" : name.endsWith(".bmp") ? "bmp"
                : name.endsWith(".png") ? "png" : null;
        if (format == null) {
            throw new IOException("unsupported image type for " + file + ": use .png, .jpg or .bmp");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(toImage(frame), format, file.toFile())) {
            throw new IOException("no image writer for " + format);
        }
    }
}
