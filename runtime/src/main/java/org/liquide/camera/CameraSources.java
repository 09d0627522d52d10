package org.liquide.camera;

/** The frame source that reads a camera spec: FFmpeg for devices, files and streams, or the test pattern. */
public final class CameraSources {
    private CameraSources() {
    }

    public static FrameSource forSpec(CameraSpec spec) {
        return spec instanceof CameraSpec.TestPattern pattern ? new TestPatternSource(pattern) : new FfmpegFrameSource(spec);
    }
}
