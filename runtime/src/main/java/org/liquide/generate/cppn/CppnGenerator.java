package org.liquide.generate.cppn;

import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.engine.ModelSession;
import org.liquide.generate.engine.ProviderChoice;
import org.liquide.generate.engine.SessionPool;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.image.FrameReader;
import org.liquide.generate.image.FrameWriter;
import org.liquide.generate.image.Layout;
import org.liquide.generate.image.ValueRange;
import org.liquide.generate.onnx.ElementType;

import java.util.List;

/**
 * The built-in generator: a {@link CppnNetwork} run through DJL like any model. Needs no weights, runs in
 * real time on a CPU, and is what a worker falls back to when a model fails. The params' seed picks the
 * network's weights (a new seed refills them; the session stays), the latent vector moves through its space,
 * and {@code cameraMix} blends the camera in. Its session comes from the {@link SessionPool}: every CPPN of
 * the show, whatever its seed, size or scene, runs the same model.
 */
public final class CppnGenerator implements ImageGenerator {
    /** The network, the same bytes for every seed. */
    private static final byte[] MODEL = CppnNetwork.build();

    private final int width;
    private final int height;
    private final TensorBuffer coords = new TensorBuffer(CppnNetwork.COORDS, ElementType.FLOAT32);
    private final TensorBuffer latent = new TensorBuffer(CppnNetwork.LATENT, ElementType.FLOAT32);
    private final TensorBuffer camera = new TensorBuffer(CppnNetwork.CAMERA, ElementType.FLOAT32);
    private final TensorBuffer cameraMix = new TensorBuffer(CppnNetwork.CAMERA_MIX, ElementType.FLOAT32);
    private final TensorBuffer rgb = new TensorBuffer(CppnNetwork.RGB, ElementType.FLOAT32);
    private final List<TensorBuffer> weights = CppnNetwork.PARAMETERS.stream()
            .map(parameter -> new TensorBuffer(parameter.name(), ElementType.FLOAT32)).toList();
    private final List<TensorBuffer> inputs = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(coords, latent, camera, cameraMix), weights.stream()).toList();
    private final List<TensorBuffer> outputs = List.of(rgb);
    private final FrameReader reader = new FrameReader();
    private final FrameWriter writer = new FrameWriter();
    private final ModelSession session;
    private long seed;
    /** Per prompt, what its words add to the seed. */
    private final long[] promptSeeds;
    private boolean cameraBlank;

    /** Opens the network for {@code seed} right away, so a broken engine shows at construction. */
    public CppnGenerator(int width, int height, long seed, EngineOptions engineOptions) throws ModelLoadException {
        this(width, height, seed, java.util.List.of(), engineOptions);
    }

    /**
     * A CPPN whose network also follows the prompt the params' prompt blend points at: the prompt's words, hashed,
     * move the seed, so that another word gives other shapes and colours (a steady mapping from words to pictures,
     * not an understanding of them).
     */
    public CppnGenerator(int width, int height, long seed, java.util.List<String> prompts, EngineOptions engineOptions)
            throws ModelLoadException {
        this.session = SessionPool.shared().load("cppn", MODEL, engineOptions);
        this.promptSeeds = prompts.stream().mapToLong(CppnGenerator::wordsSeed).toArray();
        this.width = width;
        this.height = height;
        CoordinateGrid.fill(coords, width, height);
        latent.reshape(1, GenerationParams.LATENT_SIZE);
        camera.reshape((long) width * height, 3);
        cameraMix.reshape(1, 1);
        reseed(seed + promptSeed(0));
    }

    @Override
    public String name() {
        return "cppn";
    }

    @Override
    public String device() {
        return session.device();
    }

    @Override
    public ProviderChoice provider() {
        return session.provider();
    }

    @Override
    public void generate(VideoFrame input, GenerationParams params, VideoFrame output) throws ModelLoadException {
        long wanted = params.seed() + promptSeed(params.promptBlend());
        if (wanted != seed) {
            reseed(wanted);
        }
        float[] vector = params.latent();
        for (int i = 0; i < GenerationParams.LATENT_SIZE; i++) {
            latent.setFloat(i, vector[i]);
        }
        if (input.isEmpty()) {
            cameraMix.setFloat(0, 0f);
            if (!cameraBlank) {
                camera.fill(0f);
                cameraBlank = true;
            }
        } else {
            cameraMix.setFloat(0, params.cameraMix());
            reader.read(input, width, height, camera, Layout.INTERLEAVED, ValueRange.UNIT);
            cameraBlank = false;
        }
        session.run(inputs, outputs);
        writer.write(rgb, width, height, Layout.INTERLEAVED, ValueRange.UNIT, output, width, height);
    }

    @Override
    public List<ModelDescription> describe() {
        return List.of(new ModelDescription("cppn (seed " + seed + ")", session.device(), session.inputs(),
                session.outputs()));
    }

    @Override
    public void close() {
        releaseWorkingMemory();
        session.close();
        inputs.forEach(TensorBuffer::close);
        outputs.forEach(TensorBuffer::close);
        reader.close();
        writer.close();
    }

    /** One pixel through the network, so the session waits for its next scene without this one's working memory. */
    private void releaseWorkingMemory() {
        try {
            coords.reshape(1, 3).fill(0f);
            camera.reshape(1, 3).fill(0f);
            session.runReleasingMemory(inputs, outputs);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CppnGenerator.class).debug("cppn: working memory kept", e);
        }
    }

    /** The seed offset of the prompt a blend position points at (the nearest prompt); 0 without prompts. */
    private long promptSeed(float blend) {
        if (promptSeeds.length == 0) {
            return 0;
        }
        return promptSeeds[Math.round(blend * (promptSeeds.length - 1))];
    }

    /** FNV-1a over the prompt's words, lower-cased, punctuation and spacing ignored: the same words, the same network. */
    static long wordsSeed(String prompt) {
        long hash = 0xcbf29ce484222325L;
        boolean started = false;
        boolean gap = false;
        for (int i = 0; i < prompt.length(); i++) {
            char c = Character.toLowerCase(prompt.charAt(i));
            if (!Character.isLetterOrDigit(c)) {
                gap = started;
                continue;
            }
            if (gap) {
                hash = (hash ^ ' ') * 0x100000001b3L;
            }
            started = true;
            gap = false;
            hash = (hash ^ c) * 0x100000001b3L;
        }
        return hash & 0x7fffffffL; // small and positive: the seed stays readable in logs
    }

    private void reseed(long newSeed) {
        CppnNetwork.fillWeights(newSeed, weights);
        seed = newSeed;
    }
}
