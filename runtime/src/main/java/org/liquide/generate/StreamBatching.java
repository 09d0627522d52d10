package org.liquide.generate;

import java.util.Locale;

/**
 * Whether a diffusion pipeline of several steps denoises as StreamDiffusion's stream batch does: each UNet
 * call takes the latents of successive camera images at successive steps, one batch, and one image is
 * finished per call; the images come out {@code steps − 1} calls late. On a GPU a batch fills compute that
 * one latent leaves idle; on a CPU it costs about as much as the steps one after another.
 */
public enum StreamBatching {
    /** On where the UNet runs on a GPU (cuda or tensorrt) and takes a batch; step by step otherwise. */
    AUTO,
    /** On wherever the UNet takes a batch (a model with a scalar timestep or batch 1 runs step by step). */
    ON,
    /** Step by step: every image is finished in the call that brought its camera image. */
    OFF;

    public static StreamBatching parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown stream_batch '" + text + "': expected auto, on or off");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
