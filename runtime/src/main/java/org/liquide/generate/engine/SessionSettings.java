package org.liquide.generate.engine;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ONNX Runtime session options for {@link EngineOptions}: thread pools, and the CUDA or TensorRT execution
 * provider when asked for. When the requested provider is missing (the CPU build, no driver, no CUDA
 * libraries) the session runs on the CPU and one warning says so, once per process.
 */
final class SessionSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSettings.class);
    private static final AtomicBoolean FALLBACK_WARNED = new AtomicBoolean();

    private SessionSettings() {
    }

    /** Options ready for a session, and the device they ended up on. */
    record Resolved(SessionOptions options, String device) {
        boolean onCpu() {
            return device.equals("cpu");
        }
    }

    static Resolved resolve(EngineOptions engine) throws OrtException {
        if (engine.accelerator() != Accelerator.CPU) {
            OrtProvider wanted = engine.accelerator() == Accelerator.TENSORRT ? OrtProvider.TENSOR_RT : OrtProvider.CUDA;
            String problem = null;
            if (!OrtEngines.availableProviders().contains(wanted)) {
                problem = "this ONNX Runtime build has no " + wanted + " provider (build with -Pcuda)";
            } else {
                SessionOptions options = base(engine);
                try {
                    if (engine.accelerator() == Accelerator.TENSORRT) {
                        options.addTensorrt(engine.deviceId());
                    }
                    // CUDA also takes the nodes TensorRT cannot run.
                    options.addCUDA(engine.deviceId());
                    return new Resolved(options, engine.deviceText());
                } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                    options.close();
                    problem = e.getMessage();
                }
            }
            warnFallback(engine, problem);
        }
        return cpu(engine);
    }

    static Resolved cpu(EngineOptions engine) throws OrtException {
        return new Resolved(base(engine), "cpu");
    }

    static void warnFallback(EngineOptions engine, String why) {
        if (FALLBACK_WARNED.compareAndSet(false, true)) {
            LOG.warn("device {} unavailable, running models on the CPU: {}", engine.deviceText(), why);
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
