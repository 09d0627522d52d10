package org.liquide.show.status;

import java.util.List;

/**
 * One display: where it goes, its size, and its corner pin (four corners, top-left first, in [0,1]²).
 */
public record OutputStatus(String name, String kind, int width, int height, List<double[]> corners) {
}
