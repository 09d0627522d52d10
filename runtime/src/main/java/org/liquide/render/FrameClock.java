package org.liquide.render;

/** Time as the render thread sees it this frame. Mutable and reused; read-only for layer sources. */
public final class FrameClock {
    private long startNanos = -1;
    private long nowNanos;
    private long frameIndex = -1;
    private double deltaSeconds;

    /** Advances to a new frame at the given {@link System#nanoTime()}. */
    public void advance(long nanos) {
        if (startNanos < 0) {
            startNanos = nanos;
            nowNanos = nanos;
        }
        deltaSeconds = (nanos - nowNanos) / 1e9;
        nowNanos = nanos;
        frameIndex++;
    }

    public long nowNanos() {
        return nowNanos;
    }

    /** Seconds since the first frame. */
    public double seconds() {
        return (nowNanos - startNanos) / 1e9;
    }

    public double deltaSeconds() {
        return deltaSeconds;
    }

    /** 0 for the first frame. */
    public long frameIndex() {
        return frameIndex;
    }
}
