package org.liquide.show.status;

/**
 * A camera, sensor node or runtime: {@code online}, {@code stale}, {@code lost} or {@code offline}, with a
 * detail line (format, last error).
 */
public record DeviceStatus(String name, String state, String detail) {
}
