package org.liquide.render.shader;

import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Shared helpers: test shaders, a fixed wall clock, a 60 fps clock, readback. */
final class ShaderTesting {
    /** 15 January 2027, 10:30:00 UTC: what DATE shows in tests. */
    static final long WALL_CLOCK = LocalDateTime.of(2027, 1, 15, 10, 30, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

    private ShaderTesting() {
    }

    static Path shader(String name) {
        try {
            return Path.of(ShaderTesting.class.getResource("/shaders/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test shader " + name, e);
        }
    }

    static ShaderLayer open(String name, int width, int height) throws ShaderException {
        return ShaderLayer.open(ShaderDocument.load(shader(name)), width, height, () -> WALL_CLOCK, ZoneOffset.UTC);
    }

    static ShaderLayer open(ShaderDocument document, int width, int height) throws ShaderException {
        return ShaderLayer.open(document, width, height, () -> WALL_CLOCK, ZoneId.of("UTC"));
    }

    /** A clock at frame 0 that {@link #next} moves on by 1/60 s. */
    static FrameClock clock() {
        FrameClock clock = new FrameClock();
        clock.advance(0L);
        return clock;
    }

    static void next(FrameClock clock) {
        clock.advance(Math.round((clock.frameIndex() + 1) * 1e9 / 60.0));
    }

    /** Renders {@code frames} frames of a generator and reads the last one back. */
    static BufferedImage render(ShaderLayer layer, int frames) {
        FrameClock clock = clock();
        for (int i = 0; i < frames; i++) {
            if (i > 0) {
                next(clock);
            }
            layer.update(clock);
        }
        return FrameReadback.read(layer.output());
    }

    static int red(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >> 16 & 0xFF;
    }

    static int green(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >> 8 & 0xFF;
    }

    static int blue(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFF;
    }
}
