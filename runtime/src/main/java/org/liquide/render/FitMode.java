package org.liquide.render;

import java.util.Arrays;
import java.util.Optional;

/** How a layer's image is placed in an output of another aspect ratio. */
public enum FitMode {
    /** Covers the whole output, cropping what sticks out. */
    FILL("fill"),
    /** Shows the whole image, leaving bars (the layer below shows through them). */
    FIT("fit"),
    /** Covers the output exactly, distorting the image. */
    STRETCH("stretch");

    private final String configName;

    FitMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<FitMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.configName.equals(name)).findFirst();
    }

    /**
     * Writes into {@code out} the scale (x, y) and offset (x, y) that map output coordinates in [0,1]²
     * to image coordinates: {@code image = output * scale + offset}; outside [0,1]² nothing is drawn.
     */
    public void transform(int outputWidth, int outputHeight, int imageWidth, int imageHeight, float[] out) {
        out[0] = 1f;
        out[1] = 1f;
        out[2] = 0f;
        out[3] = 0f;
        if (this == STRETCH || imageWidth <= 0 || imageHeight <= 0) {
            return;
        }
        float outputAspect = (float) outputWidth / outputHeight;
        float imageAspect = (float) imageWidth / imageHeight;
        boolean imageWider = imageAspect > outputAspect;
        if (this == FILL) {
            if (imageWider) {
                out[0] = outputAspect / imageAspect;
                out[2] = (1f - out[0]) / 2f;
            } else {
                out[1] = imageAspect / outputAspect;
                out[3] = (1f - out[1]) / 2f;
            }
        } else if (imageWider) {
            out[1] = imageAspect / outputAspect;
            out[3] = 0.5f - 0.5f * out[1];
        } else {
            out[0] = outputAspect / imageAspect;
            out[2] = 0.5f - 0.5f * out[0];
        }
    }
}
