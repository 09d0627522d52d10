package org.liquide.generate.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where TensorRT keeps the engines it builds for a model, so that a restart loads them instead of building
 * them again (minutes for a UNet). One folder per model (its identity: file, size and modification time, or
 * the bytes of a model built in memory), shape and GPU index; inside it ONNX Runtime names each engine after
 * the subgraph and the GPU's compute capability, so a different GPU model builds its own.
 *
 * <p>The root is {@code liquide.cache.dir} (a system property), else {@code $XDG_CACHE_HOME/liquide}, else
 * {@code ~/.cache/liquide}.
 */
public final class TensorRtCache {
    private TensorRtCache() {
    }

    public static Path root() {
        String property = System.getProperty("liquide.cache.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("liquide");
    }

    /** The folder of one model's engines: {@code <root>/tensorrt/<name>-<identity>/<shape>-gpu<N>}. */
    public static Path folder(String modelName, String identity, EngineOptions engine) {
        String shape = engine.shapeTag().isEmpty() ? "any" : engine.shapeTag();
        return root().resolve("tensorrt").resolve(safe(modelName) + "-" + digest(identity))
                .resolve(safe(shape) + "-gpu" + engine.deviceId());
    }

    /** ONNX Runtime's TensorRT provider options for a model whose engines live in {@code folder}. */
    public static Map<String, String> providerOptions(Path folder, EngineOptions engine) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("device_id", Integer.toString(engine.deviceId()));
        options.put("trt_engine_cache_enable", "1");
        options.put("trt_engine_cache_path", folder.toString());
        options.put("trt_timing_cache_enable", "1");
        options.put("trt_timing_cache_path", folder.toString());
        // Diffusion runs in half precision on GPUs: what the real-time figures (StreamDiffusion's) are made with.
        options.put("trt_fp16_enable", "1");
        return options;
    }

    static String digest(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String safe(String name) {
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return stem.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
