package org.liquide.scene;

import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameTask;
import org.liquide.scene.model.GeneratorSettings;

/**
 * The parameters of a generate layer that has its own generator settings: each frame the scene's
 * parameters (moved by mappings, cues and drift) with the layer's own values on top. A layer's seed is
 * an offset from the scene's, so a new seed drawn for the scene gives every layer a new one and they stay
 * apart; a strength or camera mix the layer sets differently from the scene's stays the layer's.
 * Render thread; no allocation.
 */
final class LayerGenerationParams implements FrameTask {
    private final GenerationParams scene;
    private final GenerationParams layer = new GenerationParams();
    private final long seedOffset;
    private final float strength;
    private final boolean ownStrength;
    private final float cameraMix;
    private final boolean ownCameraMix;

    LayerGenerationParams(GenerationParams scene, GeneratorSettings sceneSettings, GeneratorSettings layerSettings) {
        this.scene = scene;
        this.seedOffset = layerSettings.seed() - sceneSettings.seed();
        this.strength = (float) layerSettings.strength();
        this.ownStrength = layerSettings.strength() != sceneSettings.strength();
        this.cameraMix = (float) layerSettings.cameraMix();
        this.ownCameraMix = layerSettings.cameraMix() != sceneSettings.cameraMix();
        beforeFrame(null);
    }

    GenerationParams params() {
        return layer;
    }

    @Override
    public void beforeFrame(FrameClock clock) {
        layer.copyFrom(scene);
        layer.seed(scene.seed() + seedOffset);
        if (ownStrength) {
            layer.strength(strength);
        }
        if (ownCameraMix) {
            layer.cameraMix(cameraMix);
        }
    }
}
