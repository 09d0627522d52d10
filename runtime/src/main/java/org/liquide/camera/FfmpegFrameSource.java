package org.liquide.camera;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.lwjgl.system.MemoryUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;

/**
 * V4L2 devices, video files and network streams through JavaCV's FFmpeg grabber. The decoder's own frame
 * (JavaCV's raw image mode: no swscale) is copied once, plane by plane with the decoder's strides, into
 * the frame, with its colour encoding from the stream's tags; the renderer converts YUV to RGB in its
 * shader. A pixel format the renderer cannot read ({@link DecodedFormats}) is converted to BGR24 by
 * FFmpeg on the capture thread, as it always was, and said once.
 */
final class FfmpegFrameSource implements FrameSource {
    /** Network reads give up after this long, so a dropped stream fails instead of hanging. */
    private static final String NETWORK_TIMEOUT_MICROS = "5000000";

    static {
        FfmpegLog.install();
    }

    /** Null once FFmpeg's capture devices are registered, else why they could not be. */
    private static final String DEVICE_SUPPORT_PROBLEM = registerDevices();

    private static String registerDevices() {
        try {
            avdevice.avdevice_register_all();
            return null;
        } catch (UnsatisfiedLinkError e) {
            return "FFmpeg's device support could not be loaded (" + e.getMessage().lines().reduce((a, b) -> b).orElse("")
                    + "); on Debian: apt-get install libpulse0";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegFrameSource.class);

    private final CameraSpec spec;
    private FFmpegFrameGrabber grabber;
    private boolean converting;
    private boolean conversionLogged;

    FfmpegFrameSource(CameraSpec spec) {
        if (spec instanceof CameraSpec.Synthetic) {
            throw new IllegalArgumentException(spec.describe() + " is not an FFmpeg source");
        }
        this.spec = spec;
    }

    @Override
    public void open() throws IOException {
        FFmpegFrameGrabber opened = switch (spec) {
            case CameraSpec.Device device -> {
                if (DEVICE_SUPPORT_PROBLEM != null) {
                    throw new CameraOpenException(device.path() + ": " + DEVICE_SUPPORT_PROBLEM, null);
                }
                FFmpegFrameGrabber g = new FFmpegFrameGrabber(device.path());
                g.setFormat("video4linux2");
                yield g;
            }
            case CameraSpec.VideoFile file -> {
                if (!Files.isRegularFile(file.path())) {
                    throw new CameraOpenException(file.path() + ": no such file", null);
                }
                if (!Files.isReadable(file.path())) {
                    throw new CameraOpenException(file.path() + ": not readable (permissions)", null);
                }
                yield new FFmpegFrameGrabber(file.path().toFile());
            }
            case CameraSpec.Stream stream -> {
                FFmpegFrameGrabber g = new FFmpegFrameGrabber(stream.uri().toString());
                g.setOption("rw_timeout", NETWORK_TIMEOUT_MICROS);
                g.setOption("timeout", NETWORK_TIMEOUT_MICROS);
                if (stream.uri().getScheme().startsWith("rtsp")) {
                    g.setOption("rtsp_transport", "tcp");
                }
                yield g;
            }
            case CameraSpec.Synthetic synthetic -> throw new IllegalStateException(synthetic.describe());
        };
        opened.setImageMode(FrameGrabber.ImageMode.RAW);
        try {
            FfmpegLog.takeLastError();
            opened.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(opened);
            throw new CameraOpenException(spec.describe() + ": " + reason(e), e);
        }
        if (opened.getImageWidth() <= 0 || opened.getImageHeight() <= 0) {
            closeQuietly(opened);
            throw new CameraOpenException(spec.describe() + ": no video stream", null);
        }
        grabber = opened;
        converting = false;
        int decoded = opened.getPixelFormat();
        if (DecodedFormats.of(decoded) == null) {
            convertFrom(decoded);
        }
    }

    /** From now on FFmpeg converts this source's frames to BGR24 (before the first frame, or after a format change). */
    private void convertFrom(int decoded) {
        if (!conversionLogged) {
            conversionLogged = true;
            LOG.info("{}: frames decode as {}, which the renderer does not read directly; FFmpeg converts them to BGR24 on the "
                    + "capture thread", spec.describe(), DecodedFormats.name(decoded));
        }
        grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        converting = true;
    }

    @Override
    public boolean grab(VideoFrame into) throws IOException {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new IOException(spec.describe() + ": " + reason(e), e);
        }
        FfmpegLog.takeLastError();
        if (frame == null || frame.image == null) {
            return false;
        }
        if (converting) {
            ByteBuffer image = (ByteBuffer) frame.image[0];
            int stride = frame.imageStride;
            ByteBuffer target = into.reshape(frame.imageWidth, frame.imageHeight, stride, PixelFormat.BGR24);
            MemoryUtil.memCopy(MemoryUtil.memAddress(image, 0), MemoryUtil.memAddress(target), (long) stride * frame.imageHeight);
            return true;
        }
        AVFrame decoded = (AVFrame) frame.opaque;
        PixelFormat format = DecodedFormats.of(decoded.format());
        if (format == null || decoded.linesize(0) <= 0) {
            // The stream changed its pixel format (or stores rows bottom up): FFmpeg converts from the next frame on.
            convertFrom(decoded.format());
            return grab(into);
        }
        copyPlanes(decoded, format, into);
        return true;
    }

    /** The one copy: each plane of the decoder's frame, with its stride, into the frame's buffer. */
    private static void copyPlanes(AVFrame decoded, PixelFormat format, VideoFrame into) {
        int width = decoded.width();
        int height = decoded.height();
        int planes = format.planeCount();
        ByteBuffer target = into.reshapePlanes(width, height, format, decoded.linesize(0),
                planes > 1 ? decoded.linesize(1) : 0, planes > 2 ? decoded.linesize(2) : 0);
        long base = MemoryUtil.memAddress(target);
        for (int plane = 0; plane < planes; plane++) {
            long bytes = (long) into.planeStride(plane) * format.planeHeight(plane, height);
            MemoryUtil.memCopy(decoded.data(plane).address(), base + into.planeOffset(plane), bytes);
        }
        into.setEncoding(DecodedFormats.encoding(decoded, height));
    }

    @Override
    public void rewind() throws IOException {
        if (spec instanceof CameraSpec.Stream) {
            // A recorded video on a server loops by asking the server again, so a server gone is noticed
            // at the end of the loop at the latest, not hidden by what FFmpeg still had in its buffer.
            close();
            open();
            return;
        }
        try {
            grabber.setTimestamp(0L);
        } catch (FrameGrabber.Exception e) {
            throw new IOException(spec.describe() + ": cannot rewind: " + reason(e), e);
        }
    }

    @Override
    public double pacingFramesPerSecond() {
        // A file, or a stream of known length (a recorded video on a server), plays at its rate and loops; a
        // live stream (a network camera) has no length and arrives at its own pace.
        if (spec instanceof CameraSpec.VideoFile || spec instanceof CameraSpec.Stream && grabber.getLengthInTime() > 0) {
            double rate = grabber.getFrameRate();
            return rate > 0 && rate < 500 ? rate : 30;
        }
        return 0;
    }

    @Override
    public String format() {
        return grabber.getImageWidth() + "x" + grabber.getImageHeight() + " @ "
                + String.format(java.util.Locale.ROOT, "%.1f", grabber.getFrameRate()) + " fps";
    }

    @Override
    public void close() {
        if (grabber != null) {
            closeQuietly(grabber);
            grabber = null;
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // Closing a failed source: nothing more to do.
        }
    }

    /** FFmpeg's own error line when there is one, else JavaCV's message without its developer hints. */
    private static String reason(Exception e) {
        String ffmpeg = FfmpegLog.takeLastError();
        if (ffmpeg != null) {
            return ffmpeg.replaceFirst("^\\[[^]]*]\\s*", "");
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replace(" (Has setFormat() been called?)", "")
                .replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "")
                .strip();
    }
}
