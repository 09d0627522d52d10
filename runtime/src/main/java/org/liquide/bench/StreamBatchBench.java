package org.liquide.bench;

import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.StreamBatching;
import org.liquide.generate.diffusion.DiffusionGenerator;
import org.liquide.generate.factory.GeneratorFactory;

/**
 * Benchmark 4's stream batch row: a model's img2img images at {@link #STEPS} steps on its device, as a stream
 * batch (one UNet call of {@link #STEPS} latents per image) against step by step ({@link #STEPS} calls of
 * one), in alternating windows. It tells whether stream batching pays on that device, which is what
 * {@code stream_batch: auto} assumes (on a GPU, yes; on a CPU, no).
 */
final class StreamBatchBench {
    static final int STEPS = 2;

    private StreamBatchBench() {
    }

    /** The id of a model's row: {@code stream-batch-<device>}. */
    static String rowId(GenerationModel model) {
        return "stream-batch-" + model.device().replace(':', '-');
    }

    static BenchRow run(BenchConfig config, GenerationModel model, String measure) throws Exception {
        int size = GenerationBench.declaredImageSide(model.folder()).orElse(config.diffusionSize());
        ModelSpec spec = ModelSpec.of(model.folder().toString()).withSize(size, size).withDevice(model.device())
                .withSteps(STEPS).withPrompts(GenerationBench.PROMPTS).withStrength(GenerationBench.STRENGTH)
                .withSeed(GenerationBench.SEED);
        VideoFrame input = GenerationBench.cameraFrame(config.cameraVideo());
        VideoFrame output = new VideoFrame();
        GenerationParams params = new GenerationParams().strength(GenerationBench.STRENGTH).seed(GenerationBench.SEED);
        try (ImageGenerator stepwise = GeneratorFactory.open(spec.withStreamBatching(StreamBatching.OFF));
             ImageGenerator stream = GeneratorFactory.open(spec.withStreamBatching(StreamBatching.ON))) {
            GenerationBench.requireNamedProvider(stream);
            String sampling = ((DiffusionGenerator) stream).sampling();
            if (!sampling.startsWith("stream")) {
                throw new IllegalStateException("the model's UNet takes one latent per call: " + sampling);
            }
            AlternatingWindows.Pairs pairs = GenerationBench.alternating(config,
                    GenerationBench.oneImage(stream, input, params, output),
                    GenerationBench.oneImage(stepwise, input, params, output));
            Stats streamTimes = Stats.of(pairs.a());
            return BenchRow.measured(rowId(model), measure + " (ran on " + stream.device() + ")", "ms", streamTimes,
                    "the same model step by step (" + STEPS + " UNet calls of one latent per image)",
                    Stats.of(pairs.b()), "lower is better; below 1× the stream batch pays on this device",
                    "models run at " + size + "x" + size + "; " + Stats.number(1000 / streamTimes.median())
                            + " images/s as a stream, " + Stats.number(1000 / Stats.of(pairs.b()).median())
                            + " step by step; median of paired ratios "
                            + Stats.number(Stats.pairedRatio(pairs.a(), pairs.b())) + "× ("
                            + pairs.order("the stream", "step by step") + "); a stream's image comes out "
                            + (STEPS - 1) + " image late");
        } finally {
            input.free();
            output.free();
        }
    }
}
