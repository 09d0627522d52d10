package org.liquide.generate.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.liquide.frame.FrameMats;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.engine.TensorBuffer;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

/**
 * Samples a frame of any pixel format (YUV included, through {@link FrameMats}) into a model's input
 * tensor as RGB at a given size (bilinear, pixel centres aligned), in the tensor's layout, value range and
 * element type (float32 or float16). OpenCV resizes at 8 bits (a planar tensor takes the frame's channels
 * in their own order, unconverted), then scales each channel straight into the tensor's native memory in
 * its vectorised loops: no Java array in between, and float16 is written as float16. Reuses its native images: one instance per thread and stream, closed with
 * its generator.
 */
public final class FrameReader implements AutoCloseable {
    private final FrameMats colours = new FrameMats();
    private final Mat rgb = new Mat();
    private final MatVector channels = new MatVector(3);

    /**
     * Fills {@code target}, already shaped for {@code width × height} RGB in {@code layout} ([1, 3, h, w]
     * planar, [h·w, 3] interleaved), with the frame's colours. An empty frame gives black (0 in [0, 1]).
     */
    public void read(VideoFrame frame, int width, int height, TensorBuffer target, Layout layout, ValueRange range) {
        TensorImage.check(target, width, height);
        if (frame.isEmpty()) {
            target.fill(range.fromUnit(0f));
            return;
        }
        double alpha = range.scale() / 255.0;
        double beta = range.offset();
        int depth = TensorImage.depth(target);
        try (BytePointer memory = new BytePointer(target.nativeView())) {
            if (layout == Layout.INTERLEAVED) {
                colours.rgb(frame, width, height, INTER_LINEAR, rgb);
                try (Mat image = TensorImage.interleaved(memory, width, height, depth)) {
                    rgb.convertTo(image, depth, alpha, beta);
                }
                return;
            }
            colours.rgbPlanes(frame, width, height, INTER_LINEAR, channels);
            for (int c = 0; c < 3; c++) {
                try (Mat plane = TensorImage.plane(memory, c, width, height, depth)) {
                    channels.get(c).convertTo(plane, depth, alpha, beta);
                }
            }
        }
    }

    /** Frees the native images now rather than at a garbage collection. */
    @Override
    public void close() {
        channels.close();
        colours.close();
        rgb.close();
    }
}
