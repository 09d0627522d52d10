package org.liquide.render;

import java.util.Locale;

/** Frame timing over one reporting window: interval between frames and the render thread's work per frame. */
public final class FrameTimeSummary {
    long frames;
    double windowSeconds;
    long intervalP50;
    long intervalP95;
    long intervalP99;
    long intervalMax;
    long workP50;
    long workP95;
    long workP99;
    long workMax;

    public long frames() {
        return frames;
    }

    public double framesPerSecond() {
        return windowSeconds > 0 ? frames / windowSeconds : 0;
    }

    public double intervalP50Millis() {
        return intervalP50 / 1e6;
    }

    public double intervalP95Millis() {
        return intervalP95 / 1e6;
    }

    public double intervalP99Millis() {
        return intervalP99 / 1e6;
    }

    public double intervalMaxMillis() {
        return intervalMax / 1e6;
    }

    public double workP50Millis() {
        return workP50 / 1e6;
    }

    public double workP99Millis() {
        return workP99 / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%d frames in %.0f s (%.1f fps); frame interval p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " render work p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                frames, windowSeconds, framesPerSecond(), intervalP50 / 1e6, intervalP95 / 1e6, intervalP99 / 1e6,
                intervalMax / 1e6, workP50 / 1e6, workP95 / 1e6, workP99 / 1e6, workMax / 1e6);
    }
}
