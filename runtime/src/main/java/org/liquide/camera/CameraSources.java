package org.liquide.camera;

/** The frame source that reads a camera spec: FFmpeg for devices, files and streams, or a synthetic one. */
public final class CameraSources {
    private CameraSources() {
    }

    public static FrameSource forSpec(CameraSpec spec) {
        return switch (spec) {
            case CameraSpec.TestPattern pattern -> new TestPatternSource(pattern);
            case CameraSpec.Visitors visitors -> new VisitorsSource(visitors);
            case CameraSpec.Device device -> new FfmpegFrameSource(device);
            case CameraSpec.VideoFile file -> new FfmpegFrameSource(file);
            case CameraSpec.Stream stream -> new FfmpegFrameSource(stream);
        };
    }
}
