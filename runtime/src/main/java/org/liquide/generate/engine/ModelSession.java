package org.liquide.generate.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import org.liquide.generate.ModelLoadException;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxModelInfo;
import org.liquide.generate.onnx.TensorSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model loaded through DJL's ONNX Runtime engine, with the names, element types and shapes its
 * inputs and outputs declare. {@link #run} feeds reusable {@link TensorBuffer}s: inputs are wrapped, not
 * copied; outputs are copied into the caller's buffers. The per-call native tensors live in a DJL
 * sub-manager closed when the call returns. One thread at a time.
 */
public final class ModelSession implements AutoCloseable {
    private final String name;
    private final Model model;
    private final Block block;
    private final AutoCloseable sessionOptions;
    private final String device;
    private final OnnxModelInfo info;
    private final List<TensorBuffer> buffers = new ArrayList<>();

    private ModelSession(String name, Model model, AutoCloseable sessionOptions, String device, OnnxModelInfo info) {
        this.name = name;
        this.model = model;
        this.block = model.getBlock();
        this.sessionOptions = sessionOptions;
        this.device = device;
        this.info = info;
    }

    /** Loads an .onnx file (with its external data files beside it, if any). */
    public static ModelSession load(Path file, EngineOptions options) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file not found: " + file);
        }
        OnnxModelInfo info;
        try {
            info = OnnxModelInfo.read(file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return open(file.toString(), info, options, (model, engineOptions) -> model.load(file, null, engineOptions));
    }

    /** Loads a model held in memory (one this project built). */
    public static ModelSession load(String name, byte[] onnx, EngineOptions options) throws ModelLoadException {
        OnnxModelInfo info;
        try {
            info = OnnxModelInfo.read(ByteBuffer.wrap(onnx));
        } catch (IllegalStateException e) {
            throw new ModelLoadException(name + ": " + e.getMessage(), e);
        }
        return open(name, info, options, (model, engineOptions) -> {
            model.load(new ByteArrayInputStream(onnx), engineOptions);
            // DJL makes an empty folder in the temporary directory for every model loaded from memory and
            // deletes it only when the JVM exits: a season of scene changes would leave thousands of them.
            Files.deleteIfExists(model.getModelPath());
        });
    }

    private interface Loader {
        void load(Model model, Map<String, ?> engineOptions) throws IOException, MalformedModelException;
    }

    private static ModelSession open(String name, OnnxModelInfo info, EngineOptions options, Loader loader)
            throws ModelLoadException {
        SessionSettings.Resolved settings;
        try {
            OrtEngines.engine();
            settings = SessionSettings.resolve(options);
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException(name + ": ONNX Runtime is not usable: " + e.getMessage(), e);
        }
        try {
            return openWith(name, info, settings, loader);
        } catch (ModelLoadException e) {
            if (settings.onCpu()) {
                throw e;
            }
            // A GPU provider that registered but cannot run (missing cuDNN, say): run on the CPU instead.
            SessionSettings.warnFallback(options, e.getMessage());
            try {
                return openWith(name, info, SessionSettings.cpu(options), loader);
            } catch (OrtException cpuFailure) {
                throw new ModelLoadException(name + ": " + cpuFailure.getMessage(), cpuFailure);
            }
        }
    }

    private static ModelSession openWith(String name, OnnxModelInfo info, SessionSettings.Resolved settings,
                                         Loader loader) throws ModelLoadException {
        Model model = null;
        try {
            // Device.cpu() for DJL: the execution provider is already in our session options, and tensors
            // cross the Java boundary in host memory whatever the provider.
            model = Model.newInstance(shortName(name), Device.cpu(), OrtEngines.ENGINE_NAME);
            loader.load(model, Map.of("sessionOptions", settings.options()));
            return new ModelSession(name, model, settings.options(), settings.device(), info);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            settings.options().close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ModelLoadException(name + ": " + cause.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** {@code cpu}, or {@code cuda:N} / {@code tensorrt:N} when the session runs on a GPU. */
    public String device() {
        return device;
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
     * Runs the model: every input must be given (by name); each requested output is copied into its
     * buffer, which takes the output's shape and element type.
     */
    public void run(List<TensorBuffer> inputs, List<TensorBuffer> outputs) {
        try (NDManager call = model.getNDManager().newSubManager()) {
            NDList feed = new NDList(inputs.size());
            for (TensorBuffer input : inputs) {
                NDArray array = call.create(input.engineView(), new Shape(input.shape()), input.djlType());
                array.setName(input.name());
                feed.add(array);
            }
            NDList results = block.forward(new ParameterStore(call, false), feed, false);
            for (TensorBuffer output : outputs) {
                NDArray result = results.get(output.name());
                if (result == null) {
                    throw new IllegalArgumentException(name + " has no output '" + output.name() + "'");
                }
                OnnxTensor tensor = ((OrtNDArray) result).getTensor();
                output.retype(elementType(tensor));
                output.copyFrom(OutputMemory.bytes(tensor), tensor.getInfo().getShape());
            }
        }
    }

    @Override
    public void close() {
        buffers.forEach(TensorBuffer::close);
        model.close();
        try {
            sessionOptions.close();
        } catch (Exception ignored) {
            // Options hold no resource worth reporting once the session is gone.
        }
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

    private static String shortName(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.endsWith(".onnx") ? file.substring(0, file.length() - 5) : file;
    }
}
