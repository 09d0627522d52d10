package org.liquide.generate.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which ONNX Runtime this process runs: the CPU build ({@code onnxruntime}) or the GPU one
 * ({@code onnxruntime_gpu}, CUDA and TensorRT providers), its version and the providers it carries. Both jars
 * on one classpath would let the classpath's order decide which native library loads: that is reported as
 * a problem.
 *
 * @param artifacts the ONNX Runtime jars found on the classpath ({@code onnxruntime}, {@code onnxruntime_gpu})
 * @param version   the version of the native library loaded
 * @param providers the execution providers it carries
 */
public record OrtBuild(List<String> artifacts, String version, EnumSet<OrtProvider> providers) {
    private static final String GROUP = "META-INF/maven/com.microsoft.onnxruntime/";
    static final String CPU_ARTIFACT = "onnxruntime";
    static final String GPU_ARTIFACT = "onnxruntime_gpu";

    public OrtBuild {
        artifacts = List.copyOf(artifacts);
        providers = providers.isEmpty() ? EnumSet.noneOf(OrtProvider.class) : EnumSet.copyOf(providers);
    }

    /** Looks at the classpath and loads ONNX Runtime's native library (once per process). */
    public static OrtBuild current() {
        OrtEnvironment environment = OrtEngines.environment();
        return new OrtBuild(artifactsOnClasspath(), environment.getVersion(), OrtEnvironment.getAvailableProviders());
    }

    static List<String> artifactsOnClasspath() {
        List<String> found = new ArrayList<>();
        for (String artifact : List.of(CPU_ARTIFACT, GPU_ARTIFACT)) {
            try {
                List<URL> copies = Collections.list(OrtBuild.class.getClassLoader()
                        .getResources(GROUP + artifact + "/pom.xml"));
                copies.forEach(url -> found.add(artifact));
            } catch (IOException e) {
                // An unreadable classpath entry: the loaded library's providers still tell the build.
            }
        }
        return found;
    }

    public boolean gpuBuild() {
        return providers.contains(OrtProvider.CUDA) || artifacts.contains(GPU_ARTIFACT);
    }

    /** Two ONNX Runtime jars on the classpath, or none found: a line saying so; otherwise null. */
    public String problem() {
        if (artifacts.size() > 1) {
            return "more than one ONNX Runtime on the classpath (" + String.join(", ", artifacts)
                    + "): the first one found loads; rebuild with ./liquide build";
        }
        return null;
    }

    /** E.g. {@code ONNX Runtime 1.21.0, GPU build (onnxruntime_gpu), providers: TensorRT, CUDA, CPU}. */
    public String describe() {
        String build = gpuBuild() ? "GPU build" : "CPU build";
        String jars = artifacts.isEmpty() ? "" : " (" + String.join(", ", artifacts) + ")";
        String names = providers.stream().map(OrtBuild::providerName).collect(Collectors.joining(", "));
        String problem = problem();
        return "ONNX Runtime " + version + ", " + build + jars + ", providers: " + names
                + (problem == null ? "" : "; " + problem);
    }

    private static String providerName(OrtProvider provider) {
        return switch (provider) {
            case CPU -> "CPU";
            case CUDA -> "CUDA";
            case TENSOR_RT -> "TensorRT";
            default -> provider.getName();
        };
    }
}
