package org.liquide.generate.equivalent;

import java.util.List;

/**
 * The sizes of SD-Turbo's networks (Stable Diffusion 2.1's architecture), or of a copy narrowed by a
 * divisor so that a CPU can run it: channels divided and rounded to a multiple of the 32 GroupNorm groups,
 * fewer text layers; the structure (blocks, attention placement, skips) stays the same.
 *
 * @param divisor        1 for SD-Turbo's own sizes
 * @param image          side of the square image the models are declared for (latents are image/8)
 * @param unetChannels   the UNet's block channels (320, 640, 1280, 1280)
 * @param textHidden     the CLIP text encoder's width, also the UNet's cross-attention width (1024)
 * @param textLayers     its transformer layers (23)
 * @param vaeChannels    the autoencoder's block channels (128, 256, 512, 512)
 */
public record SdTurboShape(int divisor, int image, List<Integer> unetChannels, int textHidden, int textLayers,
                           List<Integer> vaeChannels) {
    public static final int GROUPS = 32;
    public static final int LAYERS_PER_BLOCK = 2;
    public static final int LATENT_CHANNELS = 4;
    public static final int VOCABULARY = 49408;
    public static final int POSITIONS = 77;
    public static final int HEAD_DIM = 64;
    public static final int DEFAULT_IMAGE = 512;

    private static final List<Integer> UNET = List.of(320, 640, 1280, 1280);
    private static final List<Integer> VAE = List.of(128, 256, 512, 512);
    private static final int TEXT_HIDDEN = 1024;
    private static final int TEXT_LAYERS = 23;

    public SdTurboShape {
        if (image < 64 || image % 64 != 0) {
            throw new IllegalArgumentException("the image side must be a multiple of 64, got " + image);
        }
        unetChannels = List.copyOf(unetChannels);
        vaeChannels = List.copyOf(vaeChannels);
    }

    /** SD-Turbo's own sizes, 512². */
    public static SdTurboShape full() {
        return scaled(1, DEFAULT_IMAGE);
    }

    /** Channels divided by {@code divisor} (rounded up to multiples of 32) and text layers too; any image side. */
    public static SdTurboShape scaled(int divisor, int image) {
        if (divisor < 1) {
            throw new IllegalArgumentException("the scale divisor is at least 1, got " + divisor);
        }
        return new SdTurboShape(divisor, image, UNET.stream().map(c -> narrowed(c, divisor, GROUPS)).toList(),
                narrowed(TEXT_HIDDEN, divisor, HEAD_DIM), Math.ceilDiv(TEXT_LAYERS, divisor),
                VAE.stream().map(c -> narrowed(c, divisor, GROUPS)).toList());
    }

    public int latent() {
        return image / 8;
    }

    /** The timestep embedding's width: four times the first block's channels (1280). */
    public int timeEmbedding() {
        return 4 * unetChannels.getFirst();
    }

    public int textHeads() {
        return textHidden / HEAD_DIM;
    }

    public int textMlp() {
        return 4 * textHidden;
    }

    /** Attention heads of a UNet block of these channels: 64 wide each (5, 10, 20, 20), 32 when narrowed to odd sizes. */
    public static int unetHeadDim(int channels) {
        return channels % HEAD_DIM == 0 ? HEAD_DIM : GROUPS;
    }

    private static int narrowed(int channels, int divisor, int multiple) {
        return Math.max(multiple, Math.ceilDiv(channels / divisor, multiple) * multiple);
    }
}
