package org.liquide.render.layer;

import org.liquide.render.gl.Texture2D;

/**
 * Two textures holding a slow source's last two images. Each new image goes into the older texture and
 * the layer crossfades to it over about the interval between images, so 5–15 images per second look
 * fluid at display rate.
 */
public final class CrossfadePair implements AutoCloseable {
    private static final double MAX_FADE_SECONDS = 0.5;

    private final Texture2D[] textures = {new Texture2D(), new Texture2D()};
    private int current = -1;
    private long arrivalNanos;
    private double intervalSeconds = 0.1;
    private int arrivals;

    /** The texture the next image must be written into. */
    public Texture2D nextTarget() {
        return textures[current < 0 ? 0 : 1 - current];
    }

    /** Marks {@link #nextTarget()} as holding the newest image, received at this time. */
    public void commit(long nowNanos) {
        if (current >= 0) {
            double interval = (nowNanos - arrivalNanos) / 1e9;
            intervalSeconds = arrivals < 2 ? interval : intervalSeconds * 0.8 + interval * 0.2;
        }
        current = current < 0 ? 0 : 1 - current;
        arrivalNanos = nowNanos;
        arrivals++;
    }

    public Texture2D current() {
        return current < 0 ? textures[0] : textures[current];
    }

    public Texture2D previous() {
        return arrivals < 2 ? current() : textures[1 - current];
    }

    /** 0 right after a new image arrives, 1 once it is fully shown. */
    public float crossfade(long nowNanos) {
        if (arrivals < 2) {
            return 1f;
        }
        double fade = Math.min(MAX_FADE_SECONDS, Math.max(1e-3, intervalSeconds));
        return (float) Math.min(1.0, (nowNanos - arrivalNanos) / 1e9 / fade);
    }

    /** Seconds between recent images (smoothed), for stats. */
    public double intervalSeconds() {
        return intervalSeconds;
    }

    @Override
    public void close() {
        for (Texture2D texture : textures) {
            texture.close();
        }
    }
}
