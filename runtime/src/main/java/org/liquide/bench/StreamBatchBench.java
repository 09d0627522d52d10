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
            if (stream.provider().degraded()) {
                // A figure from a slower provider than the one named would be read as that provider's.
                throw new IllegalStateException("device missing: " + stream.provider().warning());
            }
            String sampling = ((DiffusionGenerator) stream).sampling();
            if (!sampling.startsWith("stream")) {
                throw new IllegalStateException("the model's UNet takes one latent per call: " + sampling);
            }
            Runnable streamed = () -> generate(stream, input, params, output);
            Runnable stepped = () -> generate(stepwise, input, params, output);
            long windowNanos = (long) (config.generationWindowSeconds() * 1e9);
            GenerationBench.timedWindow(streamed, windowNanos, 3);
            GenerationBench.timedWindow(stepped, windowNanos, 3);
            AlternatingWindows.Pairs pairs = AlternatingWindows.run(config.windows(),
                    () -> GenerationBench.timedWindow(streamed, windowNanos, 2) / 1e6,
                    () -> GenerationBench.timedWindow(stepped, windowNanos, 2) / 1e6);
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

    private static void generate(ImageGenerator generator, VideoFrame input, GenerationParams params,
                                 VideoFrame output) {
        try {
            generator.generate(input, params, output);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
