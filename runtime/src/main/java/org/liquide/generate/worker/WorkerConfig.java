package org.liquide.generate.worker;

import java.time.Duration;

/**
 * How a {@link GeneratorWorker} guards the show.
 *
 * @param stallTimeout        a generate call running longer is a stall: the model is marked failed and the
 *                            thread replaced
 * @param retryInitial        first wait before reloading a failed model; doubles on each failure
 * @param retryMax            longest wait between reloads
 * @param maxFramesPerSecond  cap on generated frames per second (0: none); spare cycles stay with the renderer
 * @param similarityThreshold skip generating when the input's mean absolute change since the last
 *                            generated one, on a 32×32 grey thumbnail in [0, 1], is below this (0: never skip)
 */
public record WorkerConfig(Duration stallTimeout, Duration retryInitial, Duration retryMax, double maxFramesPerSecond,
                           float similarityThreshold) {
    public WorkerConfig {
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stall timeout must be positive");
        }
        if (retryInitial.isNegative() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= initial <= max");
        }
        if (maxFramesPerSecond < 0 || similarityThreshold < 0) {
            throw new IllegalArgumentException("frame cap and similarity threshold must not be negative");
        }
    }

    /** 30 s stall timeout (a CPU diffusion frame can take seconds), retries from 2 s to 5 min, 30 fps, threshold 0.005. */
    public static WorkerConfig defaults() {
        return new WorkerConfig(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5), 30, 0.005f);
    }

    public WorkerConfig withStallTimeout(Duration timeout) {
        return new WorkerConfig(timeout, retryInitial, retryMax, maxFramesPerSecond, similarityThreshold);
    }

    public WorkerConfig withRetry(Duration initial, Duration max) {
        return new WorkerConfig(stallTimeout, initial, max, maxFramesPerSecond, similarityThreshold);
    }

    public WorkerConfig withMaxFramesPerSecond(double fps) {
        return new WorkerConfig(stallTimeout, retryInitial, retryMax, fps, similarityThreshold);
    }

    public WorkerConfig withSimilarityThreshold(float threshold) {
        return new WorkerConfig(stallTimeout, retryInitial, retryMax, maxFramesPerSecond, threshold);
    }
}
