package org.liquide.generate.engine;

import java.util.Locale;

/** Where ONNX Runtime runs a model: the CPU, or an NVIDIA GPU through CUDA or TensorRT. */
public enum Accelerator {
    CPU,
    CUDA,
    TENSORRT;

    /** Parses {@code cpu}, {@code cuda} or {@code tensorrt}, in any case. */
    public static Accelerator parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + name + "': expected cpu, cuda or tensorrt");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
