package org.liquide.generate.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.util.Arrays;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Samples a frame of any pixel format into float RGB at a given size (bilinear, pixel centres aligned), in
 * the layout and value range a model wants. OpenCV resizes, converts the colours and scales to floats in
 * its vectorised, multi-threaded loops; Java only copies the result out in bulk. Reuses its native images:
 * one instance per thread and stream, closed with its generator.
 */
public final class FrameReader implements AutoCloseable {
    private final Mat resized = new Mat();
    private final Mat rgb = new Mat();
    private final Mat floats = new Mat();
    private FloatPointer planar = new FloatPointer(0L);
    private final MatVector planes = new MatVector(3);
    private final Mat[] planeHeaders = new Mat[3];
    private int planarWidth = -1;
    private int planarHeight = -1;

    /**
     * Fills {@code target[0 .. 3·width·height)} with the frame's colours. An empty frame gives black
     * (0 in [0, 1]).
     */
    public void read(VideoFrame frame, int width, int height, float[] target, Layout layout, ValueRange range) {
        int plane = width * height;
        if (frame.isEmpty()) {
            Arrays.fill(target, 0, 3 * plane, range.fromUnit(0f));
            return;
        }
        PixelFormat format = frame.format();
        try (BytePointer pixels = new BytePointer(frame.pixels());
             Mat source = new Mat(frame.height(), frame.width(), matType(format), pixels, frame.strideBytes());
             Size size = new Size(width, height)) {
            Mat sized = source;
            if (frame.width() != width || frame.height() != height) {
                resize(source, resized, size, 0, 0, INTER_LINEAR);
                sized = resized;
            }
            Mat colours = sized;
            if (format != PixelFormat.RGB24) {
                cvtColor(sized, rgb, colourConversion(format));
                colours = rgb;
            }
            colours.convertTo(floats, CV_32F, range.scale() / 255.0, range.offset());
            if (layout == Layout.INTERLEAVED) {
                new FloatPointer(floats.data()).capacity(3L * plane).get(target, 0, 3 * plane);
                return;
            }
            preparePlanes(width, height);
            split(floats, planes);
            planar.get(target, 0, 3 * plane);
        }
    }

    /** Three single-channel images over one native array: split writes the planes where a model wants them. */
    private void preparePlanes(int width, int height) {
        if (width == planarWidth && height == planarHeight) {
            return;
        }
        long plane = (long) width * height;
        planar.close();
        planar = new FloatPointer(3 * plane);
        for (int c = 0; c < 3; c++) {
            if (planeHeaders[c] != null) {
                planeHeaders[c].close();
            }
            planeHeaders[c] = new Mat(height, width, CV_32FC1, planar.getPointer(c * plane));
            planes.put(c, planeHeaders[c]);
        }
        planarWidth = width;
        planarHeight = height;
    }

    private static int matType(PixelFormat format) {
        return switch (format.bytesPerPixel()) {
            case 1 -> CV_8UC1;
            case 3 -> CV_8UC3;
            default -> CV_8UC4;
        };
    }

    private static int colourConversion(PixelFormat format) {
        return switch (format) {
            case BGR24 -> COLOR_BGR2RGB;
            case BGRA32 -> COLOR_BGRA2RGB;
            case RGBA32 -> COLOR_RGBA2RGB;
            case GRAY8 -> COLOR_GRAY2RGB;
            case RGB24 -> throw new IllegalArgumentException("RGB24 needs no conversion");
        };
    }

    /** Frees the native images now rather than at a garbage collection. */
    @Override
    public void close() {
        planes.close();
        for (Mat header : planeHeaders) {
            if (header != null) {
                header.close();
            }
        }
        planar.close();
        resized.close();
        rgb.close();
        floats.close();
    }
}
