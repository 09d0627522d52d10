package org.liquide.generate.engine;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;

import java.nio.file.Path;
import java.util.Map;

/**
 * ONNX Runtime session options for one candidate provider of {@link EngineOptions}: thread pools, and the
 * CUDA or TensorRT execution provider (TensorRT with its on-disk engine cache, CUDA behind it for the nodes
 * TensorRT cannot run).
 */
final class SessionSettings {
    private SessionSettings() {
    }

    /** Why this ONNX Runtime cannot offer {@code on} at all, or null when it carries it. */
    static String missing(Accelerator on) {
        OrtProvider provider = switch (on) {
            case TENSORRT -> OrtProvider.TENSOR_RT;
            case CUDA -> OrtProvider.CUDA;
            case CPU, AUTO -> null;
        };
        if (provider == null || OrtEngines.availableProviders().contains(provider)) {
            return null;
        }
        return "this ONNX Runtime is the CPU build, without the " + (on == Accelerator.TENSORRT ? "TensorRT" : "CUDA")
                + " provider (./liquide build --cuda)";
    }

    /** Options for a session on {@code on}; {@code trtFolder} holds TensorRT's engines. */
    static SessionOptions options(EngineOptions engine, Accelerator on, Path trtFolder) throws OrtException {
        SessionOptions options = base(engine);
        try {
            if (on == Accelerator.TENSORRT) {
                OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(engine.deviceId());
                for (Map.Entry<String, String> option : TensorRtCache.providerOptions(trtFolder, engine).entrySet()) {
                    trt.add(option.getKey(), option.getValue());
                }
                options.addTensorrt(trt);
            }
            if (on == Accelerator.TENSORRT || on == Accelerator.CUDA) {
                options.addCUDA(engine.deviceId());
            }
            return options;
        } catch (OrtException | RuntimeException | LinkageError e) {
            options.close();
            throw e;
        }
    }

    private static SessionOptions base(EngineOptions engine) throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            if (engine.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(engine.intraOpThreads());
            }
            if (engine.interOpThreads() > 0) {
                options.setInterOpNumThreads(engine.interOpThreads());
            }
            // Idle pool threads sleep instead of spinning: a show machine shares its cores with the renderer.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
