package org.liquide.bench;

import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.generated.LatentDrift;
import org.liquide.render.generated.ProceduralGenerator;
import org.liquide.render.gl.Framebuffer;

import java.awt.image.BufferedImage;

/**
 * Images of the procedural generator, read back once, for the Processing anchor (which has no GPU
 * generator of its own: it is given these for free, so its figure leaves generation out).
 */
final class GeneratedStills {
    private GeneratedStills() {
    }

    /** {@code count} successive images, 1/12 s apart, as ARGB pixels of {@code size}². */
    static int[][] render(int size, int count) throws Exception {
        return GlThread.call("stills", () -> {
            GenerationParams params = new GenerationParams();
            LatentDrift drift = new LatentDrift(params, 0.8);
            FrameClock clock = new FrameClock();
            long period = (long) (1e9 / CompositeScene.GENERATOR_IMAGES_PER_SECOND);
            int[][] images = new int[count][];
            try (Framebuffer target = new Framebuffer(size, size);
                 ProceduralGenerator generator = new ProceduralGenerator(size, size,
                         CompositeScene.GENERATOR_IMAGES_PER_SECOND, params, null)) {
                for (int i = 0; i < count; i++) {
                    clock.advance(1_000_000_000L + i * period);
                    drift.beforeFrame(clock);
                    generator.poll(clock, target.color());
                    BufferedImage image = FrameReadback.read(target);
                    images[i] = image.getRGB(0, 0, size, size, null, 0, size);
                }
            }
            return images;
        });
    }
}
