package org.liquide.frame;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.transform;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

/**
 * A frame of any layout as the 8-bit OpenCV image a CPU consumer wants, at the size it wants: RGB (YUV
 * through the frame's own matrix and range, not OpenCV's fixed BT.601) or grey (a YUV frame's luma plane
 * as it is). For the consumers' own threads (generator worker, vision), never the render thread. Reuses
 * its native images: one instance per thread, closed with its consumer.
 */
public final class FrameMats implements AutoCloseable {
    private final Mat luma = new Mat();
    private final Mat cb = new Mat();
    private final Mat cr = new Mat();
    private final Mat sizedLuma = new Mat();
    private final Mat sizedCb = new Mat();
    private final Mat sizedCr = new Mat();
    private final Mat yuv = new Mat();
    private final Mat resized = new Mat();
    private final MatVector channels = new MatVector(3);
    private final MatVector packedPlanes = new MatVector(4);
    private final Mat yuvRgb = new Mat();
    private final Mat[] transforms = new Mat[4];

    /** Writes the frame's colours as 8-bit RGB at width × height into {@code target}. */
    public void rgb(VideoFrame frame, int width, int height, int interpolation, Mat target) {
        PixelFormat format = frame.format();
        try (BytePointer pixels = new BytePointer(frame.pixels()); Size size = new Size(width, height)) {
            if (!format.isYuv()) {
                try (Mat source = new Mat(frame.height(), frame.width(), packedType(format), pixels, frame.strideBytes())) {
                    Mat sized = resizedIfNeeded(source, frame, size, interpolation);
                    if (format == PixelFormat.RGB24) {
                        sized.copyTo(target);
                    } else {
                        cvtColor(sized, target, toRgb(format));
                    }
                }
                return;
            }
            splitPlanes(frame, pixels);
            resize(luma, sizedLuma, size, 0, 0, interpolation);
            resize(cb, sizedCb, size, 0, 0, interpolation);
            resize(cr, sizedCr, size, 0, 0, interpolation);
            channels.put(0, sizedLuma);
            channels.put(1, sizedCb);
            channels.put(2, sizedCr);
            merge(channels, yuv);
            transform(yuv, target, transformFor(frame.encoding()));
        }
    }

    /**
     * Writes the frame's colours as three 8-bit planes, red, green and blue, at width × height into
     * {@code target}, for a consumer that wants planes anyway (a model's planar input): packed frames are
     * resized and split in their own channel order, with no colour conversion pass. The planes may share
     * memory with the frame or with each other (grey): read them before the frame changes, never write them.
     */
    public void rgbPlanes(VideoFrame frame, int width, int height, int interpolation, MatVector target) {
        PixelFormat format = frame.format();
        if (format.isYuv()) {
            rgb(frame, width, height, interpolation, yuvRgb);
            split(yuvRgb, target);
            return;
        }
        try (BytePointer pixels = new BytePointer(frame.pixels()); Size size = new Size(width, height);
             Mat source = new Mat(frame.height(), frame.width(), packedType(format), pixels, frame.strideBytes())) {
            Mat sized = resizedIfNeeded(source, frame, size, interpolation);
            if (format == PixelFormat.GRAY8) {
                for (int c = 0; c < 3; c++) {
                    target.put(c, sized);
                }
                return;
            }
            split(sized, packedPlanes);
            int red = format.blueFirst() ? 2 : 0;
            target.put(0, packedPlanes.get(red));
            target.put(1, packedPlanes.get(1));
            target.put(2, packedPlanes.get(2 - red));
        }
    }

    /** Writes the frame as 8-bit grey at width × height into {@code target}: a YUV frame's luma plane, unconverted. */
    public void gray(VideoFrame frame, int width, int height, int interpolation, Mat target) {
        PixelFormat format = frame.format();
        try (BytePointer pixels = new BytePointer(frame.pixels()); Size size = new Size(width, height)) {
            if (format.isYuv()) {
                splitPlanes(frame, pixels);
                resize(luma, target, size, 0, 0, interpolation);
                return;
            }
            try (Mat source = new Mat(frame.height(), frame.width(), packedType(format), pixels, frame.strideBytes())) {
                Mat sized = resizedIfNeeded(source, frame, size, interpolation);
                if (format == PixelFormat.GRAY8) {
                    sized.copyTo(target);
                } else {
                    cvtColor(sized, target, toGray(format));
                }
            }
        }
    }

    private Mat resizedIfNeeded(Mat source, VideoFrame frame, Size size, int interpolation) {
        if (frame.width() == size.width() && frame.height() == size.height()) {
            return source;
        }
        resize(source, resized, size, 0, 0, interpolation);
        return resized;
    }

    /** Y, Cb and Cr as single-channel images at their own resolutions (chroma views or copies). */
    private void splitPlanes(VideoFrame frame, BytePointer pixels) {
        PixelFormat format = frame.format();
        int width = frame.width();
        int height = frame.height();
        int chromaWidth = format.planeTexelWidth(format.planeCount() > 1 ? 1 : 0, width);
        int chromaHeight = format.planeHeight(format.planeCount() > 1 ? 1 : 0, height);
        switch (format) {
            case YUYV422 -> {
                try (Mat pixelsTwo = plane(frame, pixels, 0, height, width, CV_8UC2);
                     Mat pairs = plane(frame, pixels, 0, height, chromaWidth, CV_8UC4)) {
                    extractChannel(pixelsTwo, luma, 0);
                    extractChannel(pairs, cb, 1);
                    extractChannel(pairs, cr, 3);
                }
            }
            case NV12 -> {
                try (Mat y = plane(frame, pixels, 0, height, width, CV_8UC1);
                     Mat interleaved = plane(frame, pixels, 1, chromaHeight, chromaWidth, CV_8UC2)) {
                    y.copyTo(luma);
                    extractChannel(interleaved, cb, 0);
                    extractChannel(interleaved, cr, 1);
                }
            }
            case I420, YUV422P -> {
                try (Mat y = plane(frame, pixels, 0, height, width, CV_8UC1);
                     Mat u = plane(frame, pixels, 1, chromaHeight, chromaWidth, CV_8UC1);
                     Mat v = plane(frame, pixels, 2, chromaHeight, chromaWidth, CV_8UC1)) {
                    y.copyTo(luma);
                    u.copyTo(cb);
                    v.copyTo(cr);
                }
            }
            default -> throw new IllegalArgumentException(format + " is not a YUV format");
        }
    }

    private static Mat plane(VideoFrame frame, BytePointer pixels, int plane, int rows, int columns, int type) {
        pixels.position(frame.planeOffset(plane));
        return new Mat(rows, columns, type, pixels, frame.planeStride(plane));
    }

    /** 3×4: RGB (0–255) = M · YCbCr + b, from the frame's encoding; made once per encoding. */
    private Mat transformFor(ColorEncoding encoding) {
        int index = encoding.matrix().ordinal() * 2 + (encoding.fullRange() ? 1 : 0);
        if (transforms[index] == null) {
            float[] m = new float[9];
            float[] offset = new float[3];
            encoding.toRgb(m, offset);
            Mat t = new Mat(3, 4, CV_32F);
            var indexer = t.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
            for (int row = 0; row < 3; row++) {
                float bias = 0f;
                for (int column = 0; column < 3; column++) {
                    float weight = m[column * 3 + row];
                    indexer.put(row, column, weight);
                    bias -= weight * offset[column] * 255f;
                }
                indexer.put(row, 3, bias);
            }
            indexer.close();
            transforms[index] = t;
        }
        return transforms[index];
    }

    private static int packedType(PixelFormat format) {
        return switch (format.bytesPerPixel()) {
            case 1 -> CV_8UC1;
            case 3 -> CV_8UC3;
            default -> CV_8UC4;
        };
    }

    private static int toRgb(PixelFormat format) {
        return switch (format) {
            case BGR24 -> COLOR_BGR2RGB;
            case BGRA32 -> COLOR_BGRA2RGB;
            case RGBA32 -> COLOR_RGBA2RGB;
            case GRAY8 -> COLOR_GRAY2RGB;
            default -> throw new IllegalArgumentException(format + " needs no OpenCV colour conversion");
        };
    }

    private static int toGray(PixelFormat format) {
        return switch (format) {
            case RGB24 -> COLOR_RGB2GRAY;
            case BGR24 -> COLOR_BGR2GRAY;
            case RGBA32 -> COLOR_RGBA2GRAY;
            case BGRA32 -> COLOR_BGRA2GRAY;
            default -> throw new IllegalArgumentException(format + " needs no OpenCV grey conversion");
        };
    }

    /** Frees the native images now rather than at a garbage collection. */
    @Override
    public void close() {
        channels.close();
        packedPlanes.close();
        for (Mat m : new Mat[]{luma, cb, cr, sizedLuma, sizedCb, sizedCr, yuv, resized, yuvRgb}) {
            m.close();
        }
        for (Mat t : transforms) {
            if (t != null) {
                t.close();
            }
        }
    }
}
