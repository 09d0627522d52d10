package org.liquide.showcase;

/**
 * A model the scenes may name: where its files are, which device runs it ({@code auto}, the default, takes the
 * fastest execution provider that loads: TensorRT, CUDA, then the CPU), how many CPU threads.
 */
public record ModelConfig(String name, String path, String device, int threads) {
}
