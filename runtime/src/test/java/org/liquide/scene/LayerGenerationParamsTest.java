package org.liquide.scene;

import org.junit.jupiter.api.Test;
import org.liquide.generate.GenerationParams;
import org.liquide.scene.model.GeneratorSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Side by side (the biais scene): each generate layer keeps its own seed and camera mix under the scene's mappings. */
class LayerGenerationParamsTest {
    private static final GeneratorSettings SCENE = new GeneratorSettings("builtin", List.of(), 1, 0.5, 192, 256, 2, 0.7, 0);

    @Test
    void aLayersOwnValuesStayWhileTheScenesMappedValuesFlowThrough() {
        GenerationParams scene = new GenerationParams().seed(1).strength(0.5f).cameraMix(0.7f);
        GeneratorSettings left = new GeneratorSettings("builtin", List.of(), 11, 0.5, 192, 256, 2, 0.8, 0);
        LayerGenerationParams layer = new LayerGenerationParams(scene, SCENE, left);
        assertEquals(11, layer.params().seed());
        assertEquals(0.8f, layer.params().cameraMix(), 1e-6);

        // A mapping moves the scene's latent, strength and camera mix; a trigger draws a new seed.
        scene.latent()[2] = 0.6f;
        scene.strength(0.9f).cameraMix(0.2f).seed(100);
        layer.beforeFrame(null);
        assertEquals(0.6f, layer.params().latent()[2], 1e-6, "the scene's mapped latent reaches the layer");
        assertEquals(0.9f, layer.params().strength(), 1e-6, "a strength the layer does not set follows the scene");
        assertEquals(0.8f, layer.params().cameraMix(), 1e-6, "the layer's own camera mix stays");
        assertEquals(110, layer.params().seed(), "a new scene seed moves the layer's, which stays apart from the others");
    }
}
