package org.liquide.frame;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads an image file a scene names (a mask, a still, an ISF import, a generator's input) within bounds: the
 * file's size and the picture's width and height are checked from its header before any pixel is decoded, so
 * a 65,535-pixel-square PNG of a few kilobytes is refused instead of taking gigabytes of memory.
 */
public final class ImageFile {
    /** Twice a 4K picture's width: more than any display, within every GPU's texture size. */
    public static final int MAX_SIDE = 8192;
    public static final long MAX_BYTES = 256L << 20;

    private ImageFile() {
    }

    /** The decoded image; an {@link IOException} saying what is wrong when it is missing, unreadable or too large. */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.exists(file) ? "not a regular file (a folder, a device or a pipe)" : "no such file");
        }
        long bytes = Files.size(file);
        if (bytes > MAX_BYTES) {
            throw new IOException("the file is " + (bytes >> 20) + " MiB: at most " + (MAX_BYTES >> 20) + " MiB");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("not an image Liquide can read (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new IOException("the picture is " + width + "x" + height + ": at most " + MAX_SIDE + " pixels a side");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
