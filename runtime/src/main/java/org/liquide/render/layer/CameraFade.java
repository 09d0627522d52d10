package org.liquide.render.layer;

/**
 * How a camera layer follows its feed: after how long without a new frame it counts the feed as silent,
 * and how long its fade out (lost or silent) and back in (frames again) takes.
 */
public record CameraFade(double silentAfterSeconds, double fadeSeconds) {
    /** A showcase camera: silent after 2 s without a frame, faded out and in over 0.75 s. */
    public static final CameraFade CAMERA = new CameraFade(2.0, 0.75);
    /** A scene's video layer (played by its own feed): silent after 2 s, a shorter fade of 0.5 s. */
    public static final CameraFade VIDEO = new CameraFade(2.0, 0.5);

    public CameraFade {
        if (!(silentAfterSeconds > 0) || !(fadeSeconds > 0)) {
            throw new IllegalArgumentException("a camera fade needs positive times, got silent after "
                    + silentAfterSeconds + " s, fade " + fadeSeconds + " s");
        }
    }
}
