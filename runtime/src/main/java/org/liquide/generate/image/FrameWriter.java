package org.liquide.generate.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.nio.ByteBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Writes float RGB (a model's output) into an RGB24 frame, resizing bilinearly when the frame's size
 * differs, rounding and clamping to [0, 255] (NaN, from a diverged model, becomes black). OpenCV interleaves
 * the planes, scales, rounds and resizes; Java only copies the floats in, in bulk. Reuses its native images:
 * one instance per thread and stream, closed with its generator.
 */
public final class FrameWriter implements AutoCloseable {
    private final Mat interleaved = new Mat();
    private final Mat bytes = new Mat();
    private final MatVector planes = new MatVector(3);
    private final Mat[] planeHeaders = new Mat[3];
    private FloatPointer staging = new FloatPointer(0L);
    private Mat stagedImage;
    private int stagedWidth = -1;
    private int stagedHeight = -1;
    private Layout stagedLayout;

    public void write(float[] source, int width, int height, Layout layout, ValueRange range,
                      VideoFrame target, int targetWidth, int targetHeight) {
        ByteBuffer out = target.reshape(targetWidth, targetHeight, targetWidth * 3, PixelFormat.RGB24);
        stage(width, height, layout);
        staging.put(source, 0, 3 * width * height);
        Mat rgb = stagedImage;
        if (layout == Layout.PLANAR) {
            merge(planes, interleaved);
            rgb = interleaved;
        }
        // value in the model's range → [0, 1] → [0, 255]
        double alpha = 255.0 / range.scale();
        double beta = -range.offset() * 255.0 / range.scale();
        try (BytePointer outPixels = new BytePointer(out);
             Mat frame = new Mat(targetHeight, targetWidth, CV_8UC3, outPixels, targetWidth * 3L)) {
            if (width == targetWidth && height == targetHeight) {
                rgb.convertTo(frame, CV_8U, alpha, beta);
            } else {
                rgb.convertTo(bytes, CV_8U, alpha, beta);
                try (Size size = new Size(targetWidth, targetHeight)) {
                    resize(bytes, frame, size, 0, 0, INTER_LINEAR);
                }
            }
        }
    }

    /** Native memory for the floats, as one interleaved image or three planes over one array. */
    private void stage(int width, int height, Layout layout) {
        if (width == stagedWidth && height == stagedHeight && layout == stagedLayout) {
            return;
        }
        long plane = (long) width * height;
        closeStaged();
        staging = new FloatPointer(3 * plane);
        if (layout == Layout.INTERLEAVED) {
            stagedImage = new Mat(height, width, CV_32FC3, staging);
        } else {
            for (int c = 0; c < 3; c++) {
                planeHeaders[c] = new Mat(height, width, CV_32FC1, staging.getPointer(c * plane));
                planes.put(c, planeHeaders[c]);
            }
        }
        stagedWidth = width;
        stagedHeight = height;
        stagedLayout = layout;
    }

    private void closeStaged() {
        if (stagedImage != null) {
            stagedImage.close();
            stagedImage = null;
        }
        for (int c = 0; c < 3; c++) {
            if (planeHeaders[c] != null) {
                planeHeaders[c].close();
                planeHeaders[c] = null;
            }
        }
        staging.close();
    }

    /** Frees the native images now rather than at a garbage collection. */
    @Override
    public void close() {
        closeStaged();
        planes.close();
        interleaved.close();
        bytes.close();
        stagedWidth = -1;
    }
}
