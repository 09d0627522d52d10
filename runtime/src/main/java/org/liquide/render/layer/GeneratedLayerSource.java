package org.liquide.render.layer;

import org.liquide.render.FrameClock;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerSource;
import org.liquide.render.generated.Generator;

/** The generated layer: polls its generator each frame and crossfades between successive images. */
public final class GeneratedLayerSource implements LayerSource {
    private final Generator generator;
    private final CrossfadePair pair = new CrossfadePair();
    private final LayerImage image = new LayerImage();
    private long images;

    public GeneratedLayerSource(Generator generator) {
        this.generator = generator;
    }

    @Override
    public void update(FrameClock clock) {
        if (generator.poll(clock, pair.nextTarget())) {
            pair.commit(clock.nowNanos());
            images++;
        }
        if (images > 0) {
            image.set(pair.current(), pair.previous(), pair.crossfade(clock.nowNanos()),
                    generator.format(), generator.topRowFirst());
        }
    }

    @Override
    public LayerImage image() {
        return image;
    }

    public Generator generator() {
        return generator;
    }

    /** Images received from the generator so far. */
    public long imagesReceived() {
        return images;
    }

    @Override
    public void close() {
        generator.close();
        pair.close();
    }
}
