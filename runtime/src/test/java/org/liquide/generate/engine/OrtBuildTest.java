package org.liquide.generate.engine;

import ai.onnxruntime.OrtProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class OrtBuildTest {
    @Test
    void theTestClasspathCarriesExactlyTheCpuBuild() {
        OrtBuild build = OrtBuild.current();
        assertEquals(List.of("onnxruntime"), build.artifacts());
        assertFalse(build.gpuBuild());
        assertNull(build.problem());
        assertEquals("ONNX Runtime 1.21.1, CPU build (onnxruntime), providers: CPU", build.describe());
    }

    @Test
    void bothBuildsOnOneClasspathAreAProblem() {
        OrtBuild both = new OrtBuild(List.of("onnxruntime", "onnxruntime_gpu"), "1.21.0",
                EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA, OrtProvider.TENSOR_RT));
        assertTrue(both.gpuBuild());
        assertTrue(both.describe().startsWith("ONNX Runtime 1.21.0, GPU build (onnxruntime, onnxruntime_gpu), providers: CPU, CUDA, TensorRT; more than one ONNX Runtime on the classpath"),
                both.describe());
    }

    @Test
    void tensorRtEnginesAreCachedPerModelShapeAndGpu() {
        EngineOptions gpu0 = EngineOptions.parse("tensorrt:0", 0, 0).withShapeTag("512x512");
        Path unet = TensorRtCache.folder("unet-model.onnx", "/m/unet/model.onnx:1:2", gpu0);
        assertEquals(unet, TensorRtCache.folder("unet-model.onnx", "/m/unet/model.onnx:1:2", gpu0), "stable across restarts");
        assertTrue(unet.startsWith(TensorRtCache.root().resolve("tensorrt")), unet.toString());
        assertTrue(unet.toString().endsWith("/512x512-gpu0"), unet.toString());
        assertNotEquals(unet, TensorRtCache.folder("unet-model.onnx", "/m/unet/model.onnx:1:3", gpu0), "a changed file");
        assertNotEquals(unet, TensorRtCache.folder("unet-model.onnx", "/m/unet/model.onnx:1:2", gpu0.withShapeTag("768x768")));
        assertNotEquals(unet, TensorRtCache.folder("unet-model.onnx", "/m/unet/model.onnx:1:2",
                EngineOptions.parse("tensorrt:1", 0, 0).withShapeTag("512x512")));

        Map<String, String> options = TensorRtCache.providerOptions(unet, gpu0);
        assertEquals("1", options.get("trt_engine_cache_enable"));
        assertEquals(unet.toString(), options.get("trt_engine_cache_path"));
        assertEquals("1", options.get("trt_timing_cache_enable"));
        assertEquals(unet.toString(), options.get("trt_timing_cache_path"));
        assertEquals("0", options.get("device_id"));
    }
}
