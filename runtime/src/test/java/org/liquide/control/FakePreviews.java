package org.liquide.control;

import org.liquide.render.readback.PreviewFrames;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Previews for the tests: a JPEG per output, made from a flat colour with a gradient band. */
final class FakePreviews implements PreviewFrames {
    private record Frame(byte[] jpeg, long version) {
    }

    private final Map<String, Frame> frames = new ConcurrentHashMap<>();

    FakePreviews publish(String output, Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        for (int x = 0; x < width; x++) {
            g.setColor(new Color(x * 255 / width, 80, 255 - x * 255 / width));
            g.fillRect(x, height * 2 / 3, 1, height / 6);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frames.compute(output, (name, old) -> new Frame(out.toByteArray(), old == null ? 1 : old.version() + 1));
        return this;
    }

    byte[] jpeg(String output) {
        return frames.get(output).jpeg();
    }

    @Override
    public Optional<byte[]> latestJpeg(String output) {
        Frame frame = frames.get(output);
        return frame == null ? Optional.empty() : Optional.of(frame.jpeg());
    }

    @Override
    public long version(String output) {
        Frame frame = frames.get(output);
        return frame == null ? 0 : frame.version();
    }
}
