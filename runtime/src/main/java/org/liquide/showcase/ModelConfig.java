package org.liquide.showcase;

/** A model the scenes may name: where its files are, which device runs it, how many CPU threads. */
public record ModelConfig(String name, String path, String device, int threads) {
}
