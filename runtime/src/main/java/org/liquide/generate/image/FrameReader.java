package org.liquide.generate.image;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.liquide.frame.FrameMats;
import org.liquide.frame.VideoFrame;

import java.util.Arrays;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

/**
 * Samples a frame of any pixel format (YUV included, through {@link FrameMats}) into float RGB at a given
 * size (bilinear, pixel centres aligned), in the layout and value range a model wants. OpenCV resizes,
 * converts the colours and scales to floats in
 * its vectorised, multi-threaded loops; Java only copies the result out in bulk. Reuses its native images:
 * one instance per thread and stream, closed with its generator.
 */
public final class FrameReader implements AutoCloseable {
    private final FrameMats colours = new FrameMats();
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
        colours.rgb(frame, width, height, INTER_LINEAR, rgb);
        rgb.convertTo(floats, CV_32F, range.scale() / 255.0, range.offset());
        if (layout == Layout.INTERLEAVED) {
            new FloatPointer(floats.data()).capacity(3L * plane).get(target, 0, 3 * plane);
            return;
        }
        preparePlanes(width, height);
        split(floats, planes);
        planar.get(target, 0, 3 * plane);
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
        colours.close();
        rgb.close();
        floats.close();
    }
}
