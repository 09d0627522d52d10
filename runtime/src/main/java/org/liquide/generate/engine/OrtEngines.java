package org.liquide.generate.engine;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

import org.slf4j.LoggerFactory;

import java.util.EnumSet;

/**
 * DJL's ONNX Runtime engine, set up for a machine without network: DJL runs offline (it never fetches a
 * model, a native library or a telemetry URL).
 */
public final class OrtEngines {
    public static final String ENGINE_NAME = "OnnxRuntime";

    static {
        // DJL reads these when its classes initialize: set them before any DJL class is touched.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // Only whole models run here; DJL's fallback engine for NDArray maths is never needed.
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
        quietCudaProbe();
    }

    private OrtEngines() {
    }

    /** The DJL engine; loads ONNX Runtime's native library on first use. */
    public static Engine engine() {
        return Engine.getEngine(ENGINE_NAME);
    }

    /**
     * ONNX Runtime's environment, made by DJL's engine (with its logging level and thread settings) the
     * first time: made any other way first, DJL's engine could no longer start.
     */
    public static OrtEnvironment environment() {
        engine();
        return OrtEnvironment.getEnvironment();
    }

    /** The execution providers this build of ONNX Runtime carries (CPU only unless built with -Pcuda). */
    public static EnumSet<OrtProvider> availableProviders() {
        return OrtEnvironment.getAvailableProviders();
    }

    /** Makes sure the offline properties are set; call before using DJL elsewhere (the tokenizer, say). */
    public static void prepare() {
        // The static initializer did the work.
    }

    /**
     * DJL probes for CUDA when it starts and warns on every machine without it; {@link ModelSession}
     * gives the warning that matters (a device asked for and missing). Left alone when the logging
     * configuration sets that logger's level itself.
     */
    private static void quietCudaProbe() {
        if (LoggerFactory.getLogger("ai.djl.onnxruntime.engine.OrtEngine") instanceof ch.qos.logback.classic.Logger probe
                && probe.getLevel() == null) {
            probe.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
