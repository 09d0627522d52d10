package org.liquide.showcase;

/** The composited picture: its size and the frame rate held when offscreen. */
public record OutputConfig(int width, int height, double framesPerSecond) {
}
