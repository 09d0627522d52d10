package org.liquide.generate.worker;

/**
 * A snapshot of a worker, taken without locks from any thread.
 *
 * @param status              what the worker is doing
 * @param generator           the generator that made the latest frame ({@code cppn} while falling back)
 * @param device              where that generator runs
 * @param framesPerSecond     frames published per second, over the last second or so
 * @param lastLatencyMillis   duration of the latest generate call
 * @param meanLatencyMillis   smoothed duration of generate calls
 * @param generatedFrames     frames published since start
 * @param skippedInputs       camera frames replaced by a newer one before the worker took them
 * @param similaritySkips     inputs not generated because they barely changed
 * @param similaritySkipRatio similaritySkips / (similaritySkips + generated frames): the energy saved
 * @param failures            model failures since start (load errors, exceptions, stalls)
 * @param lastError           the latest failure, or null
 * @param deviceWarning       the model runs on a slower execution provider than the one asked for: what
 *                            was asked, where it runs and why (null when it runs where asked)
 */
public record WorkerStats(WorkerStatus status, String generator, String device, double framesPerSecond,
                          double lastLatencyMillis, double meanLatencyMillis, long generatedFrames, long skippedInputs,
                          long similaritySkips, double similaritySkipRatio, long failures, String lastError,
                          String deviceWarning) {
}
