package org.liquide.showcase;

/**
 * A camera: {@code source} as on the command line ({@code /dev/video0}, a file, a URL, {@code test}).
 *
 * @param vision analyse it with OpenCV (motion, presence, centroid) as signals {@code vision/<name>/...}
 * @param mirror show its picture flipped left to right, as a mirror: a camera that faces the visitors
 *               (a test pattern or a film is shown as it is unless this says otherwise)
 */
public record CameraConfig(String name, String source, boolean vision, boolean mirror) {
}
