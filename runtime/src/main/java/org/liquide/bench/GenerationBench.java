package org.liquide.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.factory.GeneratorFactory;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.StreamBatching;
import org.liquide.generate.cppn.CppnNetwork;
import org.liquide.generate.diffusion.DiffusionGenerator;
import org.liquide.generate.diffusion.scheduler.Scheduler;
import org.liquide.generate.diffusion.scheduler.SchedulerConfig;
import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.engine.OrtEngines;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.noise.SeededGaussian;
import org.liquide.generate.onnx.OnnxModelInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Benchmark 4, generation on the CPU: the built-in CPPN's images per second through its real
 * {@link ImageGenerator} (camera frame in, RGB frame out); Liquide's model session (tensors in reused buffers) against a bare ONNX Runtime
 * {@link OrtSession} on the same CPPN bytes; and the diffusion pipeline's own time per image outside its
 * model sessions, on {@link TinyDiffusion}; and, for each {@link GenerationModel} asked for, that model's
 * whole images on its device (SD-Turbo's img2img: one UNet step), against its sessions alone, and at two
 * steps as a stream batch against step by step ({@link StreamBatchBench}).
 */
final class GenerationBench {
    static final long SEED = 2027;
    static final List<String> PROMPTS = List.of("ink dissolving in water", "a crowd of liquid reflections");
    static final int DIFFUSION_STEPS = 2;
    /** SD-Turbo's img2img: one UNet step (at strength 0.5). */
    static final int MODEL_STEPS = 1;
    static final float STRENGTH = 0.5f;

    private GenerationBench() {
    }

    static String cppnId(int size) {
        return "cppn-" + size;
    }

    static String sessionId(int size) {
        return "session-vs-ort-" + size;
    }

    static final String DIFFUSION = "diffusion-outside-models";

    static List<BenchRow> run(BenchConfig config, List<GenerationModel> models, Consumer<String> progress) {
        List<BenchRow> rows = new ArrayList<>();
        OrtEngines.prepare();
        for (int size : config.cppnSizes()) {
            String measure = "Built-in CPPN " + size + "² through ONNX Runtime (CPU), camera frame in, RGB frame out; images/s";
            try {
                progress.accept("generation: CPPN " + size + "²");
                double[] fps = cppn(config, size);
                rows.add(BenchRow.againstGoal(cppnId(size), measure, "images/s", Stats.of(fps),
                        "the generated layer's design rate", CompositeScene.GENERATOR_IMAGES_PER_SECOND,
                        Stats.number(CompositeScene.GENERATOR_IMAGES_PER_SECOND) + " images/s (the rate the crossfade is made for; 5–15 look fluid)",
                        "higher is better; ≥ 1× is real time", "windows of " + Stats.number(config.generationWindowSeconds())
                                + " s; camera input " + config.cameraVideo() + " BGR24, camera_mix 0.5"));
            } catch (Exception | Error e) {
                rows.add(BenchRow.failed(cppnId(size), measure, BenchRunner.describe(e)));
            }
        }
        for (int size : config.cppnSizes()) {
            String measure = "Liquide's model session vs a bare ONNX Runtime session on the CPPN " + size + "² (same bytes, same options); ms per run";
            try {
                progress.accept("generation: the model session against a bare ONNX Runtime session, " + size + "²");
                double[][] times = sessionAgainstOrt(config, size);
                rows.add(BenchRow.measured(sessionId(size), measure, "ms", Stats.of(times[0]),
                        "bare ai.onnxruntime.OrtSession: tensors over direct buffers made once, output via getFloatBuffer()",
                        Stats.of(times[1]), "lower is better; goal ≤ 1.1×",
                        "alternating windows of " + Stats.number(config.generationWindowSeconds()) + " s; both copy the"
                                + " output into the same float[]; median of paired"
                                + " window ratios " + Stats.number(Stats.pairedRatio(times[0], times[1])) + "×"));
            } catch (Exception | Error e) {
                rows.add(BenchRow.failed(sessionId(size), measure, BenchRunner.describe(e)));
            }
        }
        String measure = "Diffusion pipeline (img2img, " + DIFFUSION_STEPS + " steps, strength " + STRENGTH + ") at "
                + config.diffusionSize() + "², time outside the model sessions (conversions, scheduler, noise); ms per image";
        try {
            progress.accept("generation: diffusion pipeline outside the models, " + config.diffusionSize() + "²");
            rows.add(diffusion(config, measure));
        } catch (Exception | Error e) {
            rows.add(BenchRow.failed(DIFFUSION, measure, BenchRunner.describe(e)));
        }
        for (GenerationModel model : models) {
            String modelMeasure = model.folder().getFileName() + " on " + model.device() + ", whole img2img image ("
                    + MODEL_STEPS + " UNet step at strength " + STRENGTH + ", as SD-Turbo); ms per image";
            try {
                progress.accept("generation: " + model.folder() + " on " + model.device());
                rows.add(wholeModel(config, model, modelMeasure));
            } catch (Exception | Error e) {
                rows.add(BenchRow.failed(model.rowId(), modelMeasure, BenchRunner.describe(e)));
            }
            String streamMeasure = model.folder().getFileName() + " on " + model.device() + ", whole img2img image at "
                    + StreamBatchBench.STEPS + " steps (strength " + STRENGTH + ") as a stream batch; ms per image";
            try {
                progress.accept("generation: stream batch of " + model.folder() + " on " + model.device());
                rows.add(StreamBatchBench.run(config, model, streamMeasure));
            } catch (Exception | Error e) {
                rows.add(BenchRow.failed(StreamBatchBench.rowId(model), streamMeasure, BenchRunner.describe(e)));
            }
        }
        return rows;
    }

    /** A camera-like BGR frame of noise. */
    static VideoFrame cameraFrame(BenchConfig.Size size) {
        VideoFrame frame = new VideoFrame();
        int stride = size.width() * 3;
        ByteBuffer pixels = frame.reshape(size.width(), size.height(), stride, PixelFormat.BGR24);
        SeededGaussian random = new SeededGaussian(5);
        for (int i = 0; i < stride * size.height(); i++) {
            pixels.put(i, (byte) (128 + 40 * random.next()));
        }
        frame.setCaptureNanos(System.nanoTime());
        return frame;
    }

    static double[] cppn(BenchConfig config, int size) throws Exception {
        VideoFrame input = cameraFrame(config.cameraVideo());
        VideoFrame output = new VideoFrame();
        GenerationParams params = new GenerationParams().cameraMix(0.5f).seed(SEED);
        try (ImageGenerator generator = GeneratorFactory.open(ModelSpec.builtin().withSize(size, size).withSeed(SEED))) {
            Runnable image = oneImage(generator, input, params, output);
            Runnable once = () -> {
                params.latent()[0] += 0.001f;
                image.run();
            };
            return rates(config, once);
        } finally {
            input.free();
            output.free();
        }
    }

    /** Runs {@code once} for a warm-up window, then windows: calls per second in each. */
    private static double[] rates(BenchConfig config, Runnable once) {
        long windowNanos = (long) (config.generationWindowSeconds() * 1e9);
        timedWindow(once, windowNanos, 3);
        double[] rates = new double[config.windows()];
        for (int w = 0; w < rates.length; w++) {
            rates[w] = 1e9 / timedWindow(once, windowNanos, 2);
        }
        return rates;
    }

    /** One image from {@code generator}, as a window's task: a model's failure is thrown unchecked. */
    static Runnable oneImage(ImageGenerator generator, VideoFrame input, GenerationParams params, VideoFrame output) {
        return () -> {
            try {
                generator.generate(input, params, output);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Refuses a generator on a slower provider than the one named: its figure would be read as that provider's. */
    static void requireNamedProvider(ImageGenerator generator) {
        if (generator.provider().degraded()) {
            throw new IllegalStateException("device missing: " + generator.provider().warning());
        }
    }

    /** {@code a} and {@code b} each warmed for a window, then timed in alternating windows: ms per call in each. */
    static AlternatingWindows.Pairs alternating(BenchConfig config, Runnable a, Runnable b) throws Exception {
        long windowNanos = (long) (config.generationWindowSeconds() * 1e9);
        timedWindow(a, windowNanos, 3);
        timedWindow(b, windowNanos, 3);
        return AlternatingWindows.run(config.windows(), () -> timedWindow(a, windowNanos, 2) / 1e6,
                () -> timedWindow(b, windowNanos, 2) / 1e6);
    }

    /** Calls {@code once} for at least {@code windowNanos} and {@code minimum} times; returns nanoseconds per call. */
    private static double timedWindow(Runnable once, long windowNanos, int minimum) {
        long start = System.nanoTime();
        int calls = 0;
        long now;
        do {
            once.run();
            calls++;
            now = System.nanoTime();
        } while (now - start < windowNanos || calls < minimum);
        return (now - start) / (double) calls;
    }

    /** Milliseconds per run: [0] through Liquide's {@link ModelSession}, [1] through a bare {@link OrtSession}. */
    static double[][] sessionAgainstOrt(BenchConfig config, int size) throws Exception {
        byte[] model = CppnNetwork.build();
        List<float[]> weights = CppnNetwork.weights(SEED);
        int pixels = size * size;
        SeededGaussian random = new SeededGaussian(3);
        float[] coords = random.array(pixels * 3, 0.6f);
        float[] latent = random.array(GenerationParams.LATENT_SIZE, 0.5f);
        float[] camera = new float[pixels * 3];
        for (int i = 0; i < camera.length; i++) {
            camera[i] = 0.5f + 0.2f * random.next();
        }
        float[] cameraMix = {0.5f};
        float[] result = new float[pixels * 3];

        try (ModelSession ours = ModelSession.load("cppn", model, EngineOptions.cpu())) {
            TensorBuffer coordsBuffer = ours.bufferFor(ours.input(CppnNetwork.COORDS)).reshape(pixels, 3);
            coordsBuffer.setFloats(coords, coords.length);
            TensorBuffer latentBuffer = ours.bufferFor(ours.input(CppnNetwork.LATENT)).reshape(1, GenerationParams.LATENT_SIZE);
            latentBuffer.setFloats(latent, latent.length);
            TensorBuffer cameraBuffer = ours.bufferFor(ours.input(CppnNetwork.CAMERA)).reshape(pixels, 3);
            cameraBuffer.setFloats(camera, camera.length);
            TensorBuffer mixBuffer = ours.bufferFor(ours.input(CppnNetwork.CAMERA_MIX)).reshape(1, 1);
            mixBuffer.setFloats(cameraMix, 1);
            TensorBuffer rgb = ours.bufferFor(ours.output(CppnNetwork.RGB));
            List<TensorBuffer> weightBuffers = new java.util.ArrayList<>();
            for (CppnNetwork.Parameter parameter : CppnNetwork.PARAMETERS) {
                weightBuffers.add(ours.bufferFor(ours.input(parameter.name())));
            }
            CppnNetwork.fillWeights(SEED, weightBuffers);
            List<TensorBuffer> inputs = new java.util.ArrayList<>(List.of(coordsBuffer, latentBuffer, cameraBuffer, mixBuffer));
            inputs.addAll(weightBuffers);
            List<TensorBuffer> outputs = List.of(rgb);
            Runnable viaOurs = () -> {
                ours.run(inputs, outputs);
                rgb.getFloats(result);
            };

            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = rawOptions();
                 OrtSession session = env.createSession(model, options);
                 OnnxTensor coordsTensor = OnnxTensor.createTensor(env, direct(coords), new long[]{pixels, 3});
                 OnnxTensor latentTensor = OnnxTensor.createTensor(env, direct(latent), new long[]{1, GenerationParams.LATENT_SIZE});
                 OnnxTensor cameraTensor = OnnxTensor.createTensor(env, direct(camera), new long[]{pixels, 3});
                 OnnxTensor mixTensor = OnnxTensor.createTensor(env, direct(cameraMix), new long[]{1, 1});
                 WeightTensors weightTensors = new WeightTensors(env, weights)) {
                Map<String, OnnxTensor> feed = new LinkedHashMap<>();
                feed.putAll(weightTensors.byName());
                feed.put(CppnNetwork.COORDS, coordsTensor);
                feed.put(CppnNetwork.LATENT, latentTensor);
                feed.put(CppnNetwork.CAMERA, cameraTensor);
                feed.put(CppnNetwork.CAMERA_MIX, mixTensor);
                Runnable raw = () -> {
                    try (OrtSession.Result out = session.run(feed)) {
                        ((OnnxTensor) out.get(0)).getFloatBuffer().get(result);
                    } catch (OrtException e) {
                        throw new IllegalStateException(e);
                    }
                };
                AlternatingWindows.Pairs millis = alternating(config, viaOurs, raw);
                return new double[][]{millis.a(), millis.b()};
            }
        }
    }

    /** The CPPN's weights as bare ONNX Runtime tensors, by input name. */
    private record WeightTensors(Map<String, OnnxTensor> byName) implements AutoCloseable {
        WeightTensors(OrtEnvironment env, List<float[]> values) throws OrtException {
            this(new LinkedHashMap<>());
            for (int i = 0; i < values.size(); i++) {
                CppnNetwork.Parameter parameter = CppnNetwork.PARAMETERS.get(i);
                byName.put(parameter.name(), OnnxTensor.createTensor(env, direct(values.get(i)), parameter.shape()));
            }
        }

        @Override
        public void close() {
            byName.values().forEach(OnnxTensor::close);
        }
    }

    /** What Liquide's sessions use (ALL_OPT, pool threads that sleep, default thread counts), set by hand. */
    private static OrtSession.SessionOptions rawOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    private static FloatBuffer direct(float[] values) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        buffer.put(values).flip();
        return buffer;
    }

    static BenchRow diffusion(BenchConfig config, String measure) throws Exception {
        Path folder = TinyDiffusion.folder(config.workDir());
        PipelineTimes times = pipelineTimes(config, folder, ModelSpec.of(folder.toString()).withSize(config.diffusionSize(),
                config.diffusionSize()).withSteps(DIFFUSION_STEPS), EngineOptions.cpu(), false);
        return BenchRow.measured(DIFFUSION, measure, "ms", Stats.of(times.outside()),
                "time inside the model sessions for the same image (VAE encoder + " + times.unetCalls() + " UNet + VAE decoder,"
                        + " timed alone with the same shapes, inputs in place)", Stats.of(times.inside()),
                "lower is better; goal ≤ 2 ms; with real models only the absolute ms matters",
                "tiny untrained models (a few operators each) so that the pipeline's own work dominates; models run at "
                        + times.size() + ", camera input " + config.cameraVideo() + "; whole image "
                        + Stats.of(times.total()).format("ms") + "; outside = whole − inside, per pair of windows ("
                        + times.order() + "); prompts"
                        + " are encoded once and cached, so the text encoder and tokenizer cost nothing per image");
    }

    /** A model's whole images on its device, against its sessions alone with the same shapes. */
    static BenchRow wholeModel(BenchConfig config, GenerationModel model, String measure) throws Exception {
        Path folder = model.folder();
        int size = declaredImageSide(folder).orElse(config.diffusionSize());
        ModelSpec spec = ModelSpec.of(folder.toString()).withSize(size, size).withDevice(model.device()).withSteps(MODEL_STEPS);
        PipelineTimes times = pipelineTimes(config, folder, spec, spec.engineOptions(), true);
        AlternatingWindows.Pairs bare = times.againstBare();
        Stats total = Stats.of(bare.a());
        return BenchRow.measured(model.rowId(), measure + " (ran on " + times.device() + ")", "ms", total,
                "the same models run by bare ONNX Runtime sessions (VAE encoder + " + times.unetCalls() + " UNet + VAE"
                        + " decoder; same options, inputs over direct buffers made once, outputs copied out)",
                Stats.of(bare.b()), "lower is better; goal: whole ≤ 1.1× the bare sessions",
                "models run at " + times.size() + "; " + Stats.number(1000 / total.median()) + " images/s; median of"
                        + " paired ratios " + Stats.number(Stats.pairedRatio(bare.a(), bare.b())) + "× ("
                        + bare.order("the pipeline", "bare ONNX Runtime") + "); Liquide's own sessions alone "
                        + Stats.of(times.inside()).format("ms") + ", so outside the sessions "
                        + Stats.of(times.outside()).format("ms") + " per image (whole " + Stats.of(times.total()).format("ms")
                        + " in those pairs); prompts encoded once and cached");
    }

    /** The image side a model folder's UNet is made for (8× its fixed latent side), when it declares one. */
    static Optional<Integer> declaredImageSide(Path folder) throws IOException {
        long latent = OnnxModelInfo.read(folder.resolve("unet/model.onnx")).input("sample").size(2);
        return latent > 0 ? Optional.of((int) latent * 8) : Optional.empty();
    }

    /** Milliseconds per image in each window: whole, inside the sessions, and their difference. */
    record PipelineTimes(double[] total, double[] inside, int unetCalls, String size, String device, String order,
                         AlternatingWindows.Pairs againstBare) {
        double[] outside() {
            double[] outside = new double[total.length];
            for (int w = 0; w < total.length; w++) {
                outside[w] = total[w] - inside[w];
            }
            return outside;
        }
    }

    /**
     * Times the pipeline on {@code folder} ({@code base}'s size, steps and device) against its model sessions
     * alone (loaded with {@code engine}, their inputs in place), in alternating windows.
     */
    private static PipelineTimes pipelineTimes(BenchConfig config, Path folder, ModelSpec base, EngineOptions engine,
                                               boolean againstBare) throws Exception {
        // The anchor runs the UNet once per step, one latent each: so does the pipeline.
        ModelSpec spec = base.withPrompts(PROMPTS).withStrength(STRENGTH).withSeed(SEED)
                .withStreamBatching(StreamBatching.OFF);
        int unetCalls = Scheduler.of(SchedulerConfig.read(folder.resolve("scheduler/scheduler_config.json")))
                .timesteps(spec.steps(), STRENGTH).length;
        VideoFrame input = cameraFrame(config.cameraVideo());
        VideoFrame output = new VideoFrame();
        GenerationParams params = new GenerationParams().strength(STRENGTH).seed(SEED).promptBlend(0.3f);
        try (ImageGenerator generator = GeneratorFactory.open(spec);
             ModelSession encoder = ModelSession.load(folder.resolve("vae_encoder/model.onnx"), engine);
             ModelSession unet = ModelSession.load(folder.resolve("unet/model.onnx"), engine);
             ModelSession decoder = ModelSession.load(folder.resolve("vae_decoder/model.onnx"), engine)) {
            requireNamedProvider(generator);
            DiffusionGenerator diffusion = (DiffusionGenerator) generator;
            int runWidth = diffusion.runWidth();
            int runHeight = diffusion.runHeight();
            long latentHeight = runHeight / 8;
            long latentWidth = runWidth / 8;
            long textWidth = unet.input("encoder_hidden_states").size(2);
            SeededGaussian random = new SeededGaussian(4);

            TensorBuffer image = filled(encoder, "sample", random, 1, 3, runHeight, runWidth);
            TensorBuffer latentParameters = encoder.bufferFor(encoder.output("latent_parameters"));
            TensorBuffer sample = filled(unet, "sample", random, 1, 4, latentHeight, latentWidth);
            TensorBuffer timestep = unet.bufferFor(unet.input("timestep")).reshape(1);
            timestep.setLong(0, 500);
            TensorBuffer text = filled(unet, "encoder_hidden_states", random, 1, 77,
                    textWidth > 0 ? textWidth : TinyDiffusion.HIDDEN);
            TensorBuffer prediction = unet.bufferFor(unet.output("out_sample"));
            TensorBuffer latents = filled(decoder, "latent_sample", random, 1, 4, latentHeight, latentWidth);
            TensorBuffer pixels = decoder.bufferFor(decoder.output("sample"));
            // The sessions alone, their inputs already in place: every copy and conversion around them is the
            // pipeline's own work, the images included (the pipeline reads and writes them in the tensors).
            Runnable models = () -> {
                encoder.run(List.of(image), List.of(latentParameters));
                for (int i = 0; i < unetCalls; i++) {
                    unet.run(List.of(sample, timestep, text), List.of(prediction));
                }
                decoder.run(List.of(latents), List.of(pixels));
            };
            Runnable pipeline = oneImage(generator, input, params, output);
            long windowNanos = (long) (config.generationWindowSeconds() * 1e9);
            AlternatingWindows.Pairs pairs = alternating(config, pipeline, models);
            AlternatingWindows.Pairs againstBareOrt = null;
            if (againstBare) {
                Map<String, long[]> unetShapes = new LinkedHashMap<>();
                unetShapes.put("sample", new long[]{1, 4, latentHeight, latentWidth});
                unetShapes.put("timestep", unet.input("timestep").rank() == 0 ? new long[0] : new long[]{1});
                unetShapes.put("encoder_hidden_states", new long[]{1, 77, textWidth > 0 ? textWidth : TinyDiffusion.HIDDEN});
                if (unet.inputs().stream().anyMatch(declared -> declared.name().equals("timestep_cond"))) {
                    unetShapes.put("timestep_cond", new long[]{1, 256});
                }
                try (BareOrtPipeline bare = new BareOrtPipeline(List.of(encoder, unet, decoder),
                        List.of(folder.resolve("vae_encoder/model.onnx"), folder.resolve("unet/model.onnx"),
                                folder.resolve("vae_decoder/model.onnx")),
                        List.of(Map.of("sample", new long[]{1, 3, runHeight, runWidth}), unetShapes,
                                Map.of("latent_sample", new long[]{1, 4, latentHeight, latentWidth})), unetCalls)) {
                    Runnable bareRun = bare::run;
                    timedWindow(bareRun, windowNanos, 3);
                    againstBareOrt = AlternatingWindows.run(config.windows(),
                            () -> timedWindow(pipeline, windowNanos, 2) / 1e6, () -> timedWindow(bareRun, windowNanos, 2) / 1e6);
                }
            }
            return new PipelineTimes(pairs.a(), pairs.b(), unetCalls, runWidth + "x" + runHeight, generator.device(),
                    pairs.order("the pipeline", "the models alone"), againstBareOrt);
        } finally {
            input.free();
            output.free();
        }
    }

    private static TensorBuffer filled(ModelSession session, String input, SeededGaussian random, long... shape) {
        TensorBuffer buffer = session.bufferFor(session.input(input)).reshape(shape);
        for (int i = 0; i < buffer.elementCount(); i++) {
            buffer.setFloat(i, random.next() * 0.5f);
        }
        return buffer;
    }
}
