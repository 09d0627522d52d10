package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSources;
import org.liquide.camera.CameraSpec;
import org.liquide.camera.FrameSource;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.liquide.frame.ColorEncoding;
import org.liquide.frame.FrameMats;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.image.FrameReader;
import org.liquide.generate.image.Layout;
import org.liquide.generate.image.ValueRange;
import org.liquide.generate.onnx.ElementType;
import org.liquide.hardware.testing.Await;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.layer.CameraFade;
import org.liquide.render.layer.CameraLayerSource;
import org.liquide.testing.ColourBarVideos;
import org.liquide.testing.OffscreenGl;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Camera recordings in the layouts cameras and files deliver (MJPEG's yuvj422p, V4L2's YUYV, yuv420p tagged
 * BT.709 limited and BT.601 full, NV12) reach the renderer in their own planes and come out of the real
 * compositor, and out of the CPU readers, as the colour bars that were recorded (vision: as their luma).
 */
@ExtendWith(OffscreenGl.class)
class YuvCameraTest {
    /** Lossless recordings are within rounding and chroma subsampling; MJPEG adds its quantisation. */
    private static final int TOLERANCE = 6;

    @TempDir
    Path dir;

    enum Recording {
        MJPEG_YUVJ422P("mjpeg.avi", PixelFormat.YUV422P, ColorEncoding.BT601_FULL,
                "scale=out_color_matrix=bt601:out_range=pc,format=yuvj422p", "-c:v", "mjpeg", "-q:v", "1"),
        YUYV422("yuyv.nut", PixelFormat.YUYV422, ColorEncoding.BT601_LIMITED,
                "scale=out_color_matrix=bt601:out_range=tv,format=yuyv422", "-c:v", "rawvideo"),
        YUV420P_BT709_LIMITED("bt709-limited.mkv", PixelFormat.I420, ColorEncoding.BT709_LIMITED,
                "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p", "-c:v", "ffv1", "-color_range", "tv", "-colorspace", "bt709"),
        YUV420P_BT601_FULL("bt601-full.mkv", PixelFormat.I420, ColorEncoding.BT601_FULL,
                "scale=out_color_matrix=bt601:out_range=pc,format=yuv420p", "-c:v", "ffv1", "-color_range", "pc", "-colorspace", "smpte170m"),
        NV12("nv12.nut", PixelFormat.NV12, ColorEncoding.BT601_LIMITED,
                "scale=out_color_matrix=bt601:out_range=tv,format=nv12", "-c:v", "rawvideo");

        final String file;
        final PixelFormat format;
        final ColorEncoding encoding;
        final String filter;
        final String[] options;

        Recording(String file, PixelFormat format, ColorEncoding encoding, String filter, String... options) {
            this.file = file;
            this.format = format;
            this.encoding = encoding;
            this.filter = filter;
            this.options = options;
        }

        Path write(Path dir) throws Exception {
            return ColourBarVideos.write(dir.resolve(file), filter, options);
        }
    }

    @ParameterizedTest
    @EnumSource(Recording.class)
    void theDecodersPlanesArriveWithTheStreamsEncoding(Recording recording) throws Exception {
        VideoFrame frame = grabOne(recording.write(dir));
        try {
            assertEquals(recording.format, frame.format(), "no conversion on the capture thread");
            assertEquals(recording.encoding, frame.encoding());
            assertEquals(ColourBarVideos.WIDTH, frame.width());
            assertEquals(ColourBarVideos.HEIGHT, frame.height());
        } finally {
            frame.free();
        }
    }

    @ParameterizedTest
    @EnumSource(Recording.class)
    void theCompositorDrawsTheRecordedColours(Recording recording) throws Exception {
        BufferedImage image = composite(recording.write(dir));
        assertBars(recording + " drawn by the compositor", (x, y) -> {
            int rgb = image.getRGB(x, y);
            return new int[]{rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
        });
    }

    @ParameterizedTest
    @EnumSource(Recording.class)
    void theGeneratorsReaderGetsTheRecordedColours(Recording recording) throws Exception {
        VideoFrame frame = grabOne(recording.write(dir));
        int width = ColourBarVideos.WIDTH;
        int height = ColourBarVideos.HEIGHT;
        float[] rgb = new float[3 * width * height];
        float[] planar = new float[3 * width * height];
        try (FrameReader reader = new FrameReader();
             TensorBuffer tensor = new TensorBuffer("camera", ElementType.FLOAT32).reshape((long) width * height, 3);
             TensorBuffer planes = new TensorBuffer("sample", ElementType.FLOAT32).reshape(1, 3, height, width)) {
            reader.read(frame, width, height, tensor, Layout.INTERLEAVED, ValueRange.UNIT);
            tensor.getFloats(rgb);
            reader.read(frame, width, height, planes, Layout.PLANAR, ValueRange.UNIT);
            planes.getFloats(planar);
        } finally {
            frame.free();
        }
        assertBars(recording + " read for a model", (x, y) -> {
            int at = 3 * (y * width + x);
            return new int[]{Math.round(rgb[at] * 255), Math.round(rgb[at + 1] * 255), Math.round(rgb[at + 2] * 255)};
        });
        int plane = width * height;
        assertBars(recording + " read for a model, in planes", (x, y) -> {
            int at = y * width + x;
            return new int[]{Math.round(planar[at] * 255), Math.round(planar[plane + at] * 255),
                    Math.round(planar[2 * plane + at] * 255)};
        });
    }

    @ParameterizedTest
    @EnumSource(Recording.class)
    void visionGetsTheLumaPlaneAsGrey(Recording recording) throws Exception {
        VideoFrame frame = grabOne(recording.write(dir));
        ColorEncoding encoding = frame.encoding();
        try (FrameMats mats = new FrameMats(); Mat grey = new Mat()) {
            mats.gray(frame, ColourBarVideos.WIDTH / 2, ColourBarVideos.HEIGHT / 2, INTER_AREA, grey);
            assertEquals(CV_8UC1, grey.type());
            try (UByteIndexer pixels = grey.createIndexer()) {
                for (int i = 0; i < ColourBarVideos.barCount(); i++) {
                    int[] c = ColourBarVideos.bar(i);
                    double kr = encoding.matrix().kr();
                    double kb = encoding.matrix().kb();
                    double luma = kr * c[0] + (1 - kr - kb) * c[1] + kb * c[2];
                    double expected = encoding.fullRange() ? luma : 16 + luma * 219 / 255;
                    assertEquals(expected, pixels.get(ColourBarVideos.HEIGHT / 4, ColourBarVideos.barCentre(i) / 2), TOLERANCE,
                            recording + ": the luma of bar " + i);
                }
            }
        } finally {
            frame.free();
        }
    }

    @Test
    void aFormatTheRendererDoesNotReadIsConvertedByFfmpegAsBefore() throws Exception {
        Path file = ColourBarVideos.write(dir.resolve("yuv444.mkv"), "scale=out_color_matrix=bt601:out_range=tv,format=yuv444p",
                "-c:v", "ffv1");
        VideoFrame frame = grabOne(file);
        try {
            assertEquals(PixelFormat.BGR24, frame.format());
        } finally {
            frame.free();
        }
        BufferedImage image = composite(file);
        assertBars("yuv444p converted by FFmpeg", (x, y) -> {
            int rgb = image.getRGB(x, y);
            return new int[]{rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
        });
    }

    /** Decoders pad rows to their alignment; a plane whose stride is not its width draws the same. */
    @Test
    void paddedPlanesDrawLikeTightOnes() throws Exception {
        VideoFrame tight = grabOne(Recording.YUV420P_BT709_LIMITED.write(dir));
        VideoFrame padded = new VideoFrame();
        try {
            assertEquals(ColourBarVideos.WIDTH, tight.planeStride(0));
            ByteBuffer target = padded.reshapePlanes(tight.width(), tight.height(), PixelFormat.I420, 133, 77, 70);
            for (int plane = 0; plane < 3; plane++) {
                int row = PixelFormat.I420.planeRowBytes(plane, tight.width());
                for (int y = 0; y < PixelFormat.I420.planeHeight(plane, tight.height()); y++) {
                    for (int x = 0; x < row; x++) {
                        target.put(padded.planeOffset(plane) + y * padded.planeStride(plane) + x,
                                tight.pixels().get(tight.planeOffset(plane) + y * tight.planeStride(plane) + x));
                    }
                }
            }
            padded.setEncoding(tight.encoding());
            FrameClock clock = new FrameClock();
            try (CameraFeed feed = new CameraFeed("padded", new Repeating(padded))) {
                BufferedImage image = composite(feed, clock);
                assertBars("I420 with padded rows", (x, y) -> {
                    int rgb = image.getRGB(x, y);
                    return new int[]{rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
                });
            }
        } finally {
            tight.free();
            padded.free();
        }
    }

    /** One frame, delivered again and again at 30/s. */
    private record Repeating(VideoFrame frame) implements FrameSource {
        @Override
        public void open() {
        }

        @Override
        public boolean grab(VideoFrame into) {
            into.copyFrom(frame);
            return true;
        }

        @Override
        public void rewind() {
        }

        @Override
        public double pacingFramesPerSecond() {
            return 30;
        }

        @Override
        public String format() {
            return frame.width() + "x" + frame.height();
        }

        @Override
        public void close() {
        }
    }

    interface Sampler {
        int[] rgb(int x, int y);
    }

    private static void assertBars(String what, Sampler sampler) {
        StringBuilder wrong = new StringBuilder();
        int y = ColourBarVideos.HEIGHT / 2;
        for (int i = 0; i < ColourBarVideos.barCount(); i++) {
            int[] expected = ColourBarVideos.bar(i);
            int[] actual = sampler.rgb(ColourBarVideos.barCentre(i), y);
            for (int c = 0; c < 3; c++) {
                if (Math.abs(expected[c] - actual[c]) > TOLERANCE) {
                    wrong.append(String.format("%n  bar %d: expected %s, got %s", i, List.of(expected[0], expected[1], expected[2]),
                            List.of(actual[0], actual[1], actual[2])));
                    break;
                }
            }
        }
        assertEquals("", wrong.toString(), what + ": bars off by more than " + TOLERANCE);
    }

    private static VideoFrame grabOne(Path file) throws Exception {
        FrameSource source = CameraSources.forSpec(new CameraSpec.VideoFile(file));
        VideoFrame frame = new VideoFrame();
        source.open();
        try {
            assertTrue(source.grab(frame), "a frame from " + file);
        } finally {
            source.close();
        }
        return frame;
    }

    /** The file as a camera layer, through the feed, the uploader and the real compositor, at the bars' size. */
    private static BufferedImage composite(Path file) throws Exception {
        FrameClock clock = new FrameClock();
        try (CameraFeed feed = new CameraFeed("bars", CameraSources.forSpec(new CameraSpec.VideoFile(file)))) {
            return composite(feed, clock);
        }
    }

    private static BufferedImage composite(CameraFeed feed, FrameClock clock) {
        CameraLayerSource camera = new CameraLayerSource(feed, new CameraFade(60, 1e-3));
        try (Compositor compositor = new Compositor(ColourBarVideos.WIDTH, ColourBarVideos.HEIGHT);
             LayerStack stack = new LayerStack(List.of(new Layer("camera", camera, new LayerStyle().fit(FitMode.STRETCH))), List.of())) {
            feed.start();
            Await.until(Await.GENEROUS, "the camera layer showing", () -> {
                clock.advance(System.nanoTime());
                camera.update(clock);
                return camera.image().ready() && camera.presence() >= 1f;
            });
            clock.advance(System.nanoTime());
            return FrameReadback.read(stack.render(clock, compositor));
        }
    }
}
