package org.liquide.scene.model;

import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a layer is drawn, as the scene file says: blend mode, opacity, fit, mirror, an optional mask
 * (a grey image over the whole output: white shows the layer, black hides it) and the luminance key.
 */
public record LayerLook(BlendMode blend, double opacity, FitMode fit, boolean mirror, Optional<Path> mask,
                        double keyThreshold, double keySoftness) {
    public static final LayerLook DEFAULT = new LayerLook(BlendMode.NORMAL, 1, FitMode.FILL, false, Optional.empty(), 0.35, 0.1);
}
