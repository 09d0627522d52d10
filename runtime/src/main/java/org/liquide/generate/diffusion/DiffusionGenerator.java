package org.liquide.generate.diffusion;

import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.LoadProgress;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.StreamBatching;
import org.liquide.generate.diffusion.scheduler.Scheduler;
import org.liquide.generate.diffusion.scheduler.SchedulerConfig;
import org.liquide.generate.diffusion.tokenizer.PromptTokenizer;
import org.liquide.generate.diffusion.tokenizer.PromptTokenizers;
import org.liquide.generate.engine.Accelerator;
import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.engine.SessionPool;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.engine.ProviderChoice;
import org.liquide.generate.image.FrameReader;
import org.liquide.generate.image.FrameWriter;
import org.liquide.generate.image.Layout;
import org.liquide.generate.image.ValueRange;
import org.liquide.generate.onnx.ElementType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Few-step Stable Diffusion img2img (SD-Turbo, SD 1.5 with LCM) from a diffusers ONNX export: the camera
 * image is encoded to latents, noised to the strength's timestep with the seed's fixed noise, denoised
 * in 1 to 4 UNet steps conditioned on the blended prompt embeddings, and decoded. No classifier-free
 * guidance: turbo and LCM models are distilled to work without it, and it would double the UNet's cost.
 * Several steps run one image at a time, or as a stream batch ({@link StreamBatching}).
 */
public final class DiffusionGenerator implements ImageGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(DiffusionGenerator.class);
    /** The VAE's downsampling: latents are 1/8 of the image on each side. */
    static final int LATENT_FACTOR = 8;
    /** Latent sides must pass the UNet's three downsamplings: images are multiples of 64. */
    private static final int SIZE_MULTIPLE = 64;
    public static final int LOAD_STEPS = 5;

    private final String name;
    private final List<AutoCloseable> resources;
    private final TextEncoder textEncoder;
    private final Unet unet;
    private final VaeEncoder encoder;
    private final VaeDecoder decoder;
    private final Scheduler scheduler;
    private final PromptEmbeddings embeddings;
    private final Denoiser denoiser;
    private final Sampler sampler;
    private final FrameReader reader = new FrameReader();
    private final FrameWriter writer = new FrameWriter();
    private final int steps;
    private final int width;
    private final int height;
    private final int runWidth;
    private final int runHeight;
    private final long[] latentShape;
    private final int latentCount;
    private final float[] clean;
    private final float[] latents;
    private int conditionedVersion = -1;
    private final float[] encoderScratch;
    private final TensorBuffer passthrough = new TensorBuffer("passthrough", ElementType.FLOAT32);
    private int[] timesteps = new int[0];
    private float timestepsStrength = Float.NaN;

    private DiffusionGenerator(String name, List<AutoCloseable> resources, PromptTokenizer tokenizer,
                               TextEncoder textEncoder, Unet unet, VaeEncoder encoder, VaeDecoder decoder,
                               Scheduler scheduler, ModelSpec spec) {
        this.name = name;
        this.resources = resources;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.encoder = encoder;
        this.decoder = decoder;
        this.scheduler = scheduler;
        this.embeddings = new PromptEmbeddings(tokenizer, textEncoder, spec.prompts());
        this.steps = spec.steps();
        this.width = spec.width();
        this.height = spec.height();
        this.runWidth = unet.fixedLatentWidth() > 0 ? (int) unet.fixedLatentWidth() * LATENT_FACTOR
                : roundSize(spec.width());
        this.runHeight = unet.fixedLatentHeight() > 0 ? (int) unet.fixedLatentHeight() * LATENT_FACTOR
                : roundSize(spec.height());
        this.latentShape = new long[]{1, unet.latentChannels(), runHeight / LATENT_FACTOR, runWidth / LATENT_FACTOR};
        this.latentCount = (int) (latentShape[1] * latentShape[2] * latentShape[3]);
        this.clean = new float[latentCount];
        this.latents = new float[latentCount];
        this.denoiser = new Denoiser(unet, scheduler, latentShape, steps);
        this.sampler = streams(spec.streamBatching(), unet, steps) ? new StreamBatchSampler(denoiser, steps)
                : new StepSampler(denoiser);
        if (steps > 1) {
            LOG.info("{}: {} steps on {}, {}", name, steps, unet.device(), sampler.description());
        }
        this.encoderScratch = new float[VaeEncoder.scratchSize(latentShape)];
    }

    /** Loads every part of a diffusers ONNX export; {@code progress} hears about each of the {@link #LOAD_STEPS}. */
    public static DiffusionGenerator open(DiffusionLayout layout, ModelSpec spec, LoadProgress progress)
            throws ModelLoadException {
        EngineOptions engine = spec.engineOptions();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            progress.begin(LOAD_STEPS);
            SessionPool pool = SessionPool.shared();
            PromptTokenizer tokenizer = loadStep(progress, opened, "tokenizer",
                    () -> PromptTokenizers.open(layout.tokenizer()));
            TextEncoder textEncoder = new TextEncoder(loadStep(progress, opened, "text_encoder",
                    () -> pool.load(layout.textEncoder(), engine)));
            Unet unet = new Unet(loadStep(progress, opened, "unet", () -> pool.load(layout.unet(), engine)));
            VaeEncoder encoder = new VaeEncoder(layout.encoderName(), loadStep(progress, opened, layout.encoderName(),
                    () -> pool.load(layout.encoder(), engine)), layout.latentScale());
            VaeDecoder decoder = new VaeDecoder(layout.decoderName(), loadStep(progress, opened, layout.decoderName(),
                    () -> pool.load(layout.decoder(), engine)), layout.latentScale());
            Scheduler scheduler = Scheduler.of(schedulerConfig(layout));
            return new DiffusionGenerator(layout.root().getFileName().toString(), opened, tokenizer, textEncoder, unet,
                    encoder, decoder, scheduler, spec);
        } catch (ModelLoadException | RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return unet.device();
    }

    /** The UNet's: it runs several times per image, and every part is asked for the same device. */
    @Override
    public ProviderChoice provider() {
        return unet.provider();
    }

    @Override
    public void generate(VideoFrame input, GenerationParams params, VideoFrame output) {
        float strength = params.strength();
        if (strength <= 0f) {
            sampler.reset();
            returnInput(input, output);
            return;
        }
        reader.read(input, runWidth, runHeight, encoder.image(runHeight, runWidth), Layout.PLANAR, ValueRange.SIGNED);
        encoder.encode(latentShape, encoderScratch, clean);
        int[] schedule = timesteps(strength);
        scheduler.addNoise(clean, denoiser.startNoise(params.seed()), schedule[0], latents, latentCount);
        float[] conditioning = embeddings.at(params.promptBlend());
        if (embeddings.version() != conditionedVersion) {
            unet.condition(conditioning, embeddings.shape());
            conditionedVersion = embeddings.version();
        }
        float[] denoised = sampler.sample(latents, schedule, params.seed());
        TensorBuffer decoded = decoder.decode(denoised, latentShape);
        if (decoded.dim(2) != runHeight || decoded.dim(3) != runWidth) {
            throw new IllegalStateException(name + ": the decoder made " + decoded.dim(3) + "x" + decoded.dim(2)
                    + " from latents of " + runWidth + "x" + runHeight);
        }
        writer.write(decoded, runWidth, runHeight, Layout.PLANAR, ValueRange.SIGNED, output, width, height);
    }

    @Override
    public int imagesBehind() {
        return sampler.imagesBehind();
    }

    /** How several steps are sampled: "step by step" or "stream batch of N (…)". */
    public String sampling() {
        return sampler.description();
    }

    /** The size the models run at (a multiple of 64, or the UNet's fixed size); outputs are resized from it. */
    public int runWidth() {
        return runWidth;
    }

    public int runHeight() {
        return runHeight;
    }

    @Override
    public List<ModelDescription> describe() {
        return List.of(textEncoder.describe(), unet.describe(), encoder.describe(), decoder.describe());
    }

    @Override
    public void close() {
        closeAll(resources);
        reader.close();
        writer.close();
        passthrough.close();
    }

    /** Strength 0 keeps the input: it is returned as is, at the output size. */
    private void returnInput(VideoFrame input, VideoFrame output) {
        passthrough.reshape((long) width * height, 3);
        reader.read(input, width, height, passthrough, Layout.INTERLEAVED, ValueRange.UNIT);
        writer.write(passthrough, width, height, Layout.INTERLEAVED, ValueRange.UNIT, output, width, height);
    }

    private int[] timesteps(float strength) {
        if (strength != timestepsStrength) {
            timesteps = scheduler.timesteps(steps, strength);
            timestepsStrength = strength;
        }
        return timesteps;
    }

    /**
     * Whether to sample as a stream batch: several steps, a UNet that takes a batch of that many, and
     * {@code on}, or {@code auto} with the UNet on a GPU (on a CPU a batch costs about what its steps cost
     * one after another, and the images would only come out later).
     */
    private static boolean streams(StreamBatching mode, Unet unet, int steps) {
        if (mode == StreamBatching.OFF || steps < 2) {
            return false;
        }
        if (!unet.takesBatch(steps)) {
            if (mode == StreamBatching.ON) {
                LOG.warn("stream_batch: on, but the UNet takes one latent per call (a scalar timestep or a fixed"
                        + " batch): sampling step by step");
            }
            return false;
        }
        return mode == StreamBatching.ON || !unet.device().equals(Accelerator.CPU.label());
    }

    private static int roundSize(int size) {
        return Math.max(SIZE_MULTIPLE, Math.round(size / (float) SIZE_MULTIPLE) * SIZE_MULTIPLE);
    }

    private static SchedulerConfig schedulerConfig(DiffusionLayout layout) throws ModelLoadException {
        if (!Files.isRegularFile(layout.schedulerConfig())) {
            LOG.warn("{} has no scheduler/scheduler_config.json: sampling as SD-Turbo (Euler, trailing)", layout.root());
            return SchedulerConfig.sdTurbo();
        }
        try {
            SchedulerConfig config = SchedulerConfig.read(layout.schedulerConfig());
            if (!config.isLcm() && !config.className().startsWith("Euler")) {
                LOG.warn("{} asks for {}, which is not a few-step sampler: sampling with Euler (an LCM model needs"
                        + " _class_name LCMScheduler in scheduler_config.json)", layout.root(), config.className());
            }
            return config;
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("cannot read " + layout.schedulerConfig() + ": " + e.getMessage(), e);
        }
    }

    /** One of the {@link #LOAD_STEPS}, told to {@code progress}: closed with the rest on failure. */
    private static <T extends AutoCloseable> T loadStep(LoadProgress progress, List<AutoCloseable> opened, String name,
                                                        Loading<T> loading) throws ModelLoadException {
        progress.starting(name);
        T loaded = loading.load();
        opened.add(loaded);
        progress.step(name);
        return loaded;
    }

    @FunctionalInterface
    private interface Loading<T> {
        T load() throws ModelLoadException;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("closing {}", resource, e);
            }
        }
    }
}
