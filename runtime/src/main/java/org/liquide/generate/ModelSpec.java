package org.liquide.generate;

import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubModelName;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to generate with: a model ({@code builtin}, an .onnx file, or a diffusers ONNX folder), where to
 * run it, at which size, and the starting steering values. The showcase configuration and the commands
 * both build these.
 *
 * @param source         {@link #BUILTIN}, a path, or a model of the Hugging Face cache ({@code hf:org/name@commit})
 * @param device         {@code auto} (the fastest provider that loads), {@code cpu}, {@code cuda[:N]} or
 *                       {@code tensorrt[:N]}
 * @param intraOpThreads ONNX Runtime threads inside one operator (0: one per physical core)
 * @param interOpThreads ONNX Runtime threads across operators (0: default)
 * @param width          width of the generated images
 * @param height         height of the generated images
 * @param prompts        prompts for diffusion models; {@code promptBlend} moves between them
 * @param strength       starting img2img strength in [0, 1]
 * @param steps          denoising steps a diffusion model runs per image (1 to 4 is real time)
 * @param streamBatching whether a diffusion model of several steps denoises successive images in one batch
 * @param seed           starting seed: the noise of diffusion models, the network of the builtin
 */
public record ModelSpec(String source, String device, int intraOpThreads, int interOpThreads, int width, int height,
                        List<String> prompts, float strength, int steps, StreamBatching streamBatching,
                        long seed) {
    public static final String BUILTIN = "builtin";
    public static final int DEFAULT_SIZE = 512;

    public ModelSpec {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a model spec needs a source: builtin or a path");
        }
        HubModelName.parse(source);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(strength >= 0f && strength <= 1f)) {
            throw new IllegalArgumentException("strength must be in [0, 1], got " + strength);
        }
        EngineOptions.parse(device, intraOpThreads, interOpThreads);
        Objects.requireNonNull(streamBatching, "streamBatching");
        prompts = List.copyOf(prompts);
    }

    /** A spec with defaults: cpu, 512x512, no prompt, strength 0.5, 2 steps, stream batching auto, seed 1. */
    public static ModelSpec of(String source) {
        return new ModelSpec(source, "cpu", 0, 0, DEFAULT_SIZE, DEFAULT_SIZE, List.of(), 0.5f, 2, StreamBatching.AUTO,
                1L);
    }

    public static ModelSpec builtin() {
        return of(BUILTIN);
    }

    public boolean isBuiltin() {
        return source.equalsIgnoreCase(BUILTIN);
    }

    /** The Hub name this spec's source is, if it is one. */
    public java.util.Optional<HubModelName> hubName() {
        return HubModelName.parse(source);
    }

    /**
     * Where the model's files are: the path, or for a Hub name its place in the local Hub cache (read offline;
     * where it was never pulled, a path that does not exist).
     */
    public Path path() {
        return hubName().map(name -> {
            HubCache cache = HubCache.locate();
            return cache.resolve(name).orElse(cache.snapshot(name.repo(), name.revision()).resolve(name.file()));
        }).orElseGet(() -> Path.of(source));
    }

    /** The engine options, tagged with the image size (TensorRT keeps its engines per shape). */
    public EngineOptions engineOptions() {
        return EngineOptions.parse(device, intraOpThreads, interOpThreads).withShapeTag(width + "x" + height);
    }

    /** Parameters holding this spec's starting strength and seed. */
    public GenerationParams initialParams() {
        return new GenerationParams().strength(strength).seed(seed);
    }

    public ModelSpec withDevice(String newDevice) {
        return new ModelSpec(source, newDevice, intraOpThreads, interOpThreads, width, height, prompts, strength,
                steps, streamBatching, seed);
    }

    public ModelSpec withThreads(int intra, int inter) {
        return new ModelSpec(source, device, intra, inter, width, height, prompts, strength, steps, streamBatching,
                seed);
    }

    public ModelSpec withSize(int newWidth, int newHeight) {
        return new ModelSpec(source, device, intraOpThreads, interOpThreads, newWidth, newHeight, prompts, strength,
                steps, streamBatching, seed);
    }

    public ModelSpec withPrompts(List<String> newPrompts) {
        return new ModelSpec(source, device, intraOpThreads, interOpThreads, width, height, newPrompts, strength,
                steps, streamBatching, seed);
    }

    public ModelSpec withStrength(float newStrength) {
        return new ModelSpec(source, device, intraOpThreads, interOpThreads, width, height, prompts, newStrength,
                steps, streamBatching, seed);
    }

    public ModelSpec withSteps(int newSteps) {
        return new ModelSpec(source, device, intraOpThreads, interOpThreads, width, height, prompts, strength,
                newSteps, streamBatching, seed);
    }

    public ModelSpec withStreamBatching(StreamBatching newStreamBatching) {
        return new ModelSpec(source, device, intraOpThreads, interOpThreads, width, height, prompts, strength, steps,
                newStreamBatching, seed);
    }

    public ModelSpec withSeed(long newSeed) {
        return new ModelSpec(source, device, intraOpThreads, interOpThreads, width, height, prompts, strength, steps,
                streamBatching, newSeed);
    }
}
