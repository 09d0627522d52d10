package org.liquide.render.readback;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * JPEG at a chosen quality, for previews and journal snapshots. One per thread: the writer and its
 * buffer are kept from one image to the next (looking a writer up costs more than a small encode).
 */
public final class JpegEncoder implements AutoCloseable {
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);

    public JpegEncoder(float quality) {
        this.writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        this.param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
    }

    /** The image as JPEG bytes (a 3-byte BGR image is encoded without a conversion). */
    public byte[] encode(BufferedImage image) throws IOException {
        bytes.reset();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.setOutput(null);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
