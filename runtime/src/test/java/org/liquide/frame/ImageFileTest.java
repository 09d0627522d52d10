package org.liquide.frame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.*;

/** Image files are checked from their header before any pixel is decoded. */
class ImageFileTest {
    @TempDir
    Path dir;

    /** A real PNG whose header says it is {@code side} pixels square (its CRC made right): a few hundred bytes. */
    private Path claimingToBe(int side) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        ByteBuffer png = ByteBuffer.wrap(out.toByteArray());
        png.putInt(16, side).putInt(20, side); // IHDR: 8 bytes of signature, length, type, then width and height
        CRC32 crc = new CRC32();
        crc.update(png.array(), 12, 4 + 13);
        png.putInt(12 + 4 + 13, (int) crc.getValue());
        Path file = dir.resolve("bomb-" + side + ".png");
        Files.write(file, png.array());
        return file;
    }

    @Test
    void aPictureLargerThanAnyDisplayIsRefusedFromItsHeader() throws Exception {
        Path bomb = claimingToBe(60_000);
        IOException refused = assertThrows(IOException.class, () -> ImageFile.read(bomb));
        assertEquals("the picture is 60000x60000: at most 8192 pixels a side", refused.getMessage());
    }

    @Test
    void anOrdinaryPictureIsRead() throws Exception {
        Path file = dir.resolve("still.png");
        BufferedImage written = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        written.setRGB(10, 5, 0x336699);
        ImageIO.write(written, "png", file.toFile());
        BufferedImage read = ImageFile.read(file);
        assertEquals(64, read.getWidth());
        assertEquals(0x336699, read.getRGB(10, 5) & 0xFFFFFF);
    }

    @Test
    void whatIsNotAPictureSaysSo() throws Exception {
        Path text = Files.writeString(dir.resolve("mask.png"), "not a picture");
        assertEquals("not an image Liquide can read (PNG, JPEG, GIF, BMP)", assertThrows(IOException.class, () -> ImageFile.read(text)).getMessage());
        assertEquals("no such file", assertThrows(IOException.class, () -> ImageFile.read(dir.resolve("missing.png"))).getMessage());
        assertEquals("not a regular file (a folder, a device or a pipe)", assertThrows(IOException.class, () -> ImageFile.read(dir)).getMessage());
    }
}
