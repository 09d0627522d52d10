package org.liquide.generate.engine;

import java.util.List;
import java.util.Locale;

/**
 * Where ONNX Runtime runs a model: the CPU, or an NVIDIA GPU through CUDA or TensorRT; {@code AUTO} asks for
 * the fastest of them that loads.
 */
public enum Accelerator {
    AUTO,
    CPU,
    CUDA,
    TENSORRT;

    /** Parses {@code auto}, {@code cpu}, {@code cuda} or {@code tensorrt}, in any case. */
    public static Accelerator parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + name + "': expected auto, cpu, cuda or tensorrt");
        }
    }

    /**
     * The providers to try, fastest first, each refused one giving way to the next: the one asked for, then
     * the slower ones (an explicit ask that degrades is reported, never silent). The CPU always comes last.
     */
    public List<Accelerator> candidates() {
        return switch (this) {
            case AUTO, TENSORRT -> List.of(TENSORRT, CUDA, CPU);
            case CUDA -> List.of(CUDA, CPU);
            case CPU -> List.of(CPU);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
