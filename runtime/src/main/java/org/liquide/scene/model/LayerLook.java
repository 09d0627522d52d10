package org.liquide.scene.model;

import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a layer is drawn, as the scene file says: blend mode, opacity, fit, mirror, an optional mask
 * (a grey image over the whole output: white shows the layer, black hides it), the luminance key, and
 * the region of the output it occupies (x0, y0, x1, y1 in [0,1], y down; the whole output by default).
 */
public record LayerLook(BlendMode blend, double opacity, FitMode fit, boolean mirror, Optional<Path> mask,
                        double keyThreshold, double keySoftness, float[] region) {
    public static final LayerLook DEFAULT = new LayerLook(BlendMode.NORMAL, 1, FitMode.FILL, false, Optional.empty(), 0.35, 0.1,
            new float[]{0, 0, 1, 1});

    public LayerLook {
        region = region.clone();
    }
}
