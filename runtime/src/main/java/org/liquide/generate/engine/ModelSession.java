package org.liquide.generate.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxModelInfo;
import org.liquide.generate.onnx.TensorSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model in an ONNX Runtime session, with the names, element types and shapes its inputs and outputs
 * declare, on the fastest execution provider that loads of those {@link EngineOptions} allow
 * ({@link #provider()} says which, and why others were refused).
 *
 * <p>{@link #run} feeds reusable {@link TensorBuffer}s: inputs are handed to ONNX Runtime as views of their
 * native memory, made once per shape, not copied; outputs are written by ONNX Runtime straight into their
 * buffers (its pinned outputs) once their shape is known from a first call with the same input shapes.
 * The session is ONNX Runtime's own rather than DJL's model wrapper: DJL's NDArray calls make new native
 * tensors per call and hand outputs back as new arrays, which pinned outputs avoid. One thread at a time.
 */
public final class ModelSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSession.class);

    private final String name;
    private final OrtSession session;
    private final SessionOptions sessionOptions;
    private final ProviderChoice provider;
    private final OnnxModelInfo info;
    private final List<TensorBuffer> buffers = new ArrayList<>();
    private final Map<String, OnnxTensor> feed = new HashMap<>();
    private final Map<String, OnnxValue> pinned = new HashMap<>();
    private long[][] lastInputShapes = new long[0][];
    private long copiedOutputs;
    /** Where {@link #close} gives the session back to, when it came from a {@link SessionPool}; else null. */
    private SessionPool home;
    private ModelSource source;
    private EngineOptions engineOptions;
    private boolean leased = true;

    private ModelSession(String name, OrtSession session, SessionOptions sessionOptions, ProviderChoice provider,
                         OnnxModelInfo info) {
        this.name = name;
        this.session = session;
        this.sessionOptions = sessionOptions;
        this.provider = provider;
        this.info = info;
    }

    /** Loads an .onnx file (with its external data files beside it, if any) in a session of its own. */
    public static ModelSession load(Path file, EngineOptions options) throws ModelLoadException {
        return open(ModelSource.of(file), options);
    }

    /** Loads a model held in memory (one this project built) in a session of its own. */
    public static ModelSession load(String name, byte[] onnx, EngineOptions options) throws ModelLoadException {
        return open(ModelSource.of(name, onnx), options);
    }

    static ModelSession open(ModelSource source, EngineOptions options) throws ModelLoadException {
        ModelSession session = open(source.name(), source.info(), options,
                TensorRtCache.folder(source.cacheName(), source.identity(), options), source.opener());
        session.source = source;
        session.engineOptions = options;
        return session;
    }

    /** Tries each candidate provider, fastest first; the CPU's failure is the model's. */
    private static ModelSession open(String name, OnnxModelInfo info, EngineOptions engine, Path trtFolder,
                                     ModelSource.Opener opener) throws ModelLoadException {
        OrtEnvironment environment;
        try {
            environment = OrtEngines.environment();
        } catch (RuntimeException | LinkageError e) {
            throw new ModelLoadException(name + ": ONNX Runtime is not usable: " + e.getMessage(), e);
        }
        List<String> refused = new ArrayList<>();
        for (Accelerator candidate : engine.accelerator().candidates()) {
            String missing = SessionSettings.missing(candidate);
            if (missing != null) {
                refused.add(candidate.label() + ": " + missing);
                continue;
            }
            if (candidate == Accelerator.TENSORRT) {
                prepareEngineCache(name, trtFolder);
            }
            SessionOptions options = null;
            try {
                options = SessionSettings.options(engine, candidate, trtFolder);
                OrtSession session = opener.open(environment, options);
                ProviderChoice choice = new ProviderChoice(engine.deviceText(), engine.deviceText(candidate), refused);
                report(name, choice);
                return new ModelSession(name, session, options, choice, info);
            } catch (OrtException | RuntimeException | LinkageError e) {
                if (options != null) {
                    options.close();
                }
                if (candidate == Accelerator.CPU) {
                    throw new ModelLoadException(name + ": " + e.getMessage(), e);
                }
                refused.add(candidate.label() + ": " + reason(e.getMessage()));
            }
        }
        throw new ModelLoadException(name + ": no execution provider loaded it: " + String.join("; ", refused));
    }

    private static void report(String name, ProviderChoice choice) {
        if (choice.degraded()) {
            LOG.warn("{}: {}", name, choice.warning());
        } else if (!choice.refused().isEmpty()) {
            LOG.info("{} runs on {}", name, choice.summary());
        } else {
            LOG.debug("{} runs on {}", name, choice.used());
        }
    }

    private static void prepareEngineCache(String name, Path folder) {
        try {
            boolean first = !Files.isDirectory(folder);
            Files.createDirectories(folder);
            if (first) {
                LOG.info("{}: TensorRT builds its engines on the first run (minutes for a UNet); cached in {}", name, folder);
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot create the TensorRT engine cache {}: {}", name, folder, e.getMessage());
        }
    }

    /**
     * The part of ONNX Runtime's message a person acts on: a provider library that does not load names the
     * missing CUDA, cuDNN or TensorRT library after a long source location.
     */
    static String reason(String message) {
        if (message == null) {
            return "failed";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int library = line.indexOf("Failed to load library");
        return library >= 0 ? line.substring(library) : line;
    }

    public String name() {
        return name;
    }

    /**
     * New session options equal to this session's (its provider, thread pools, graph optimisations, TensorRT
     * engine folder), for a bare ONNX Runtime session to be compared with this one on equal terms; the caller
     * closes them.
     */
    public SessionOptions comparableOptions() throws OrtException {
        String used = provider.used();
        int colon = used.indexOf(':');
        Accelerator on = Accelerator.parse(colon < 0 ? used : used.substring(0, colon));
        return SessionSettings.options(engineOptions, on,
                TensorRtCache.folder(source.cacheName(), source.identity(), engineOptions));
    }

    /** {@code cpu}, or {@code cuda:N} / {@code tensorrt:N} when the session runs on a GPU. */
    public String device() {
        return provider.used();
    }

    /** Where the session runs, what was asked for, and why faster providers were refused. */
    public ProviderChoice provider() {
        return provider;
    }

    public List<TensorSpec> inputs() {
        return info.inputs();
    }

    public List<TensorSpec> outputs() {
        return info.outputs();
    }

    public TensorSpec input(String inputName) {
        return info.input(inputName);
    }

    public TensorSpec output(String outputName) {
        return info.output(outputName);
    }

    /** A buffer for one of this model's inputs or outputs, typed as the model declares it; freed when the session closes. */
    public TensorBuffer bufferFor(TensorSpec spec) {
        TensorBuffer buffer = new TensorBuffer(spec.name(), spec.type());
        buffers.add(buffer);
        return buffer;
    }

    /**
     * Runs the model: every input must be given (by name); each requested output lands in its buffer, which
     * takes the output's shape and element type.
     */
    public void run(List<TensorBuffer> inputs, List<TensorBuffer> outputs) {
        try {
            feed(inputs);
            boolean sameShapes = sameInputShapes(inputs);
            if (sameShapes && pinnable(outputs)) {
                pinned.clear();
                for (TensorBuffer output : outputs) {
                    pinned.put(output.name(), output.tensor());
                }
                try (OrtSession.Result ignored = session.run(feed, pinned)) {
                    return; // ONNX Runtime wrote the outputs into the buffers' memory.
                } catch (OrtException e) {
                    // An output whose shape depends on more than the inputs' shapes: take it as produced.
                    LOG.debug("{}: pinned outputs refused, copying them: {}", name, e.getMessage());
                    outputs.forEach(TensorBuffer::forgetProduced);
                }
            }
            try (OrtSession.Result results = session.run(feed, names(outputs))) {
                for (TensorBuffer output : outputs) {
                    OnnxValue value = results.get(output.name()).orElseThrow(
                            () -> new IllegalArgumentException(name + " has no output '" + output.name() + "'"));
                    OnnxTensor tensor = (OnnxTensor) value;
                    output.retype(elementType(tensor));
                    output.copyFrom(OutputMemory.bytes(tensor), tensor.getInfo().getShape());
                    output.markProduced();
                    copiedOutputs++;
                }
            }
            rememberInputShapes(inputs);
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs once and then gives ONNX Runtime's working memory back to the system (its arena's shrinkage): call it
     * with the smallest inputs the model takes before the session waits idle in a {@link SessionPool}, so that an
     * idle session does not hold the working memory of its largest run (about 200 MB for the CPPN at 640x360).
     * The outputs are not kept.
     */
    public void runReleasingMemory(List<TensorBuffer> inputs, List<TensorBuffer> outputs) {
        try (OrtSession.RunOptions shrink = new OrtSession.RunOptions()) {
            shrink.addRunConfigEntry("memory.enable_memory_arena_shrinkage", arenas());
            feed(inputs);
            session.run(feed, names(outputs), shrink).close();
            lastInputShapes = new long[0][];
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    private void feed(List<TensorBuffer> inputs) throws OrtException {
        feed.clear();
        for (TensorBuffer input : inputs) {
            feed.put(input.name(), input.tensor());
        }
    }

    /** The arenas of the devices this session runs on, as ONNX Runtime's shrinkage option names them. */
    private String arenas() {
        String used = provider.used();
        int colon = used.indexOf(':');
        return colon < 0 ? "cpu:0" : "cpu:0;gpu:" + used.substring(colon + 1);
    }

    /** Outputs copied rather than written in place by ONNX Runtime, since the session opened. */
    long copiedOutputs() {
        return copiedOutputs;
    }

    private boolean pinnable(List<TensorBuffer> outputs) {
        for (TensorBuffer output : outputs) {
            if (!output.produced()) {
                return false;
            }
        }
        return true;
    }

    private boolean sameInputShapes(List<TensorBuffer> inputs) {
        if (lastInputShapes.length != inputs.size()) {
            return false;
        }
        for (int i = 0; i < lastInputShapes.length; i++) {
            if (!inputs.get(i).hasShape(lastInputShapes[i])) {
                return false;
            }
        }
        return true;
    }

    private void rememberInputShapes(List<TensorBuffer> inputs) {
        lastInputShapes = new long[inputs.size()][];
        for (int i = 0; i < inputs.size(); i++) {
            lastInputShapes[i] = inputs.get(i).shape();
        }
    }

    private static java.util.Set<String> names(List<TensorBuffer> outputs) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        outputs.forEach(output -> names.add(output.name()));
        return names;
    }

    /**
     * Frees the buffers made by {@link #bufferFor}, then closes the session, or gives it back to the
     * {@link SessionPool} it came from, which keeps it open for the next user of the same model. Closing
     * twice is harmless.
     */
    @Override
    public void close() {
        if (home == null) {
            release();
            return;
        }
        if (!leased) {
            return;
        }
        leased = false;
        buffers.forEach(TensorBuffer::close);
        buffers.clear();
        feed.clear();
        pinned.clear();
        lastInputShapes = new long[0][];
        home.giveBack(this);
    }

    /** The model this session runs and where it came from (file identity, or the bytes' digest). */
    ModelSource source() {
        return source;
    }

    /** The options the session was opened with. */
    EngineOptions options() {
        return engineOptions;
    }

    void lendFrom(SessionPool pool) {
        home = pool;
        leased = true;
    }

    boolean leased() {
        return leased;
    }

    /** Closes the ONNX Runtime session itself. */
    void release() {
        buffers.forEach(TensorBuffer::close);
        try {
            session.close();
        } catch (OrtException e) {
            LOG.debug("closing {}", name, e);
        }
        sessionOptions.close();
    }

    private static ElementType elementType(OnnxTensor tensor) {
        return switch (tensor.getInfo().type) {
            case FLOAT -> ElementType.FLOAT32;
            case DOUBLE -> ElementType.FLOAT64;
            case FLOAT16 -> ElementType.FLOAT16;
            case BFLOAT16 -> ElementType.BFLOAT16;
            case INT8 -> ElementType.INT8;
            case UINT8 -> ElementType.UINT8;
            case INT16 -> ElementType.INT16;
            case INT32 -> ElementType.INT32;
            case INT64 -> ElementType.INT64;
            case BOOL -> ElementType.BOOL;
            default -> ElementType.UNKNOWN;
        };
    }
}
