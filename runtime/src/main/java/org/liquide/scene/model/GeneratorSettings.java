package org.liquide.scene.model;

import org.liquide.generate.StreamBatching;

import java.util.List;
import java.util.Optional;

/**
 * What the generated layer runs: {@code builtin} (the CPPN, no weights), {@code procedural} (drawn on the
 * GPU), a model of the showcase by name, or a path to an ONNX file or a diffusers ONNX folder.
 *
 * @param prompts   for diffusion models; mappings blend between them (a template's combinations when there is one)
 * @param strength  img2img strength in [0,1]
 * @param cameraMix how much of the camera flows into the built-in generators, in [0,1]
 * @param drift     amplitude of a slow drift of the latent vector where no mapping or cue steers it (0: none)
 * @param rate      most images generated per second (spare cycles stay with the renderer and other models)
 * @param device    where the model runs ({@code auto}, {@code cpu}, {@code cuda[:N]}, {@code tensorrt[:N]}); empty:
 *                  the showcase model's own setting, or {@code auto} for a path
 * @param streamBatching whether a diffusion model of several steps denoises successive camera images in one
 *                  UNet batch ({@code auto}: on a GPU)
 * @param template  a prompt with slots whose words mappings choose ({@code prompt:} and {@code words:})
 * @param palette   the built-in generators' palette by name ({@code render.generated.Palette}); empty: chosen
 *                  from the prompts' words
 */
public record GeneratorSettings(String model, List<String> prompts, long seed, double strength, int width, int height,
                                int steps, double cameraMix, double drift, double rate, String device,
                                StreamBatching streamBatching, Optional<PromptTemplate> template, Optional<String> palette) {
    public static final double DEFAULT_RATE = 30;
    public static final GeneratorSettings DEFAULT = new GeneratorSettings("builtin", List.of(), 1, 0.5, 256, 256, 2, 0.5, 0);

    public GeneratorSettings {
        prompts = List.copyOf(prompts);
        device = device == null ? "" : device;
        streamBatching = streamBatching == null ? StreamBatching.AUTO : streamBatching;
    }

    /**
     * Settings at the default rate, on the model's own device, stream batching auto, without a prompt template,
     * the palette chosen by the prompts.
     */
    public GeneratorSettings(String model, List<String> prompts, long seed, double strength, int width, int height,
                             int steps, double cameraMix, double drift) {
        this(model, prompts, seed, strength, width, height, steps, cameraMix, drift, DEFAULT_RATE, "", StreamBatching.AUTO,
                Optional.empty(),
                Optional.empty());
    }
}
