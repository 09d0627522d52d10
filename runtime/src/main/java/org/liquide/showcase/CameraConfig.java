package org.liquide.showcase;

/**
 * A camera: {@code source} as on the command line ({@code /dev/video0}, a file, a URL, {@code test}).
 *
 * @param vision analyse it with OpenCV (motion, presence, centroid) as signals {@code vision/<name>/...}
 */
public record CameraConfig(String name, String source, boolean vision) {
}
