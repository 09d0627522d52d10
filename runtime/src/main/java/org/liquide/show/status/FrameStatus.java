package org.liquide.show.status;

/**
 * Render timing: frames per second and frame-interval percentiles over the last minute, and the most
 * recent intervals (ms, oldest first) for a live plot.
 */
public record FrameStatus(double framesPerSecond, double p50Millis, double p95Millis, double p99Millis,
                          double maxMillis, long framesRendered, float[] recentIntervalsMillis) {
}
