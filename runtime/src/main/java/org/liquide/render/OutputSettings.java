package org.liquide.render;

/**
 * How and where frames are shown.
 *
 * @param width           composited frame width in pixels
 * @param height          composited frame height in pixels
 * @param offscreenFps    frame rate held offscreen (0: as fast as possible); windows follow vertical sync
 * @param forceHeadless   draw offscreen even when a display exists
 * @param fullscreen      open the window fullscreen
 * @param monitor         monitor index or part of its name (empty: the primary one)
 * @param maxFrames       stop after this many frames with something on stage (0: run until stopped)
 * @param statsWindowSeconds how often frame-time percentiles are published
 * @param displays    the showcase's displays (warp, soft edge, region); empty: one plain window or offscreen
 */
public record OutputSettings(int width, int height, double offscreenFps, boolean forceHeadless, boolean fullscreen,
                             String monitor, long maxFrames, double statsWindowSeconds,
                             java.util.List<org.liquide.render.output.DisplaySetup> displays) {

    public OutputSettings {
        displays = java.util.List.copyOf(displays);
    }

    public static OutputSettings defaults() {
        return new OutputSettings(1280, 720, 60, false, false, "", 0, 60, java.util.List.of());
    }

    public OutputSettings withDisplays(java.util.List<org.liquide.render.output.DisplaySetup> setups) {
        return new OutputSettings(width, height, offscreenFps, forceHeadless, fullscreen, monitor, maxFrames, statsWindowSeconds, setups);
    }

    public OutputSettings withSize(int width, int height) {
        return new OutputSettings(width, height, offscreenFps, forceHeadless, fullscreen, monitor, maxFrames, statsWindowSeconds, displays);
    }

    public OutputSettings withHeadless(boolean headless) {
        return new OutputSettings(width, height, offscreenFps, headless, fullscreen, monitor, maxFrames, statsWindowSeconds, displays);
    }

    public OutputSettings withMaxFrames(long frames) {
        return new OutputSettings(width, height, offscreenFps, forceHeadless, fullscreen, monitor, frames, statsWindowSeconds, displays);
    }

    public OutputSettings withOffscreenFps(double fps) {
        return new OutputSettings(width, height, fps, forceHeadless, fullscreen, monitor, maxFrames, statsWindowSeconds, displays);
    }

    public OutputSettings withWindow(boolean fullscreen, String monitor) {
        return new OutputSettings(width, height, offscreenFps, forceHeadless, fullscreen, monitor, maxFrames, statsWindowSeconds, displays);
    }

    public OutputSettings withStatsWindow(double seconds) {
        return new OutputSettings(width, height, offscreenFps, forceHeadless, fullscreen, monitor, maxFrames, seconds, displays);
    }
}
