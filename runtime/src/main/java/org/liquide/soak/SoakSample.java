package org.liquide.soak;

/**
 * One second of the endurance run.
 *
 * @param liveHeapMiB    heap still in use after the last full collection (what leaks show in)
 * @param nativeMiB      resident memory outside the Java heap ({@link ProcessMemory#nativeMiB()})
 * @param maxFrameMillis the longest frame interval in that second (or the time since the last frame, if longer)
 * @param warnings       warnings and errors logged in that second
 */
record SoakSample(double seconds, double heapUsedMiB, double liveHeapMiB, double rssMiB, double nativeMiB, long framesRendered,
                  double framesPerSecond, double maxFrameMillis, int warnings, String scene) {
}
