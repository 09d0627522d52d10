package org.liquide.generate.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.engine.TensorBuffer;

import java.nio.ByteBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Writes a model's output tensor (RGB, float32 or float16) into an RGB24 frame, resizing bilinearly when the
 * frame's size differs, rounding and clamping to [0, 255] (NaN, from a diverged model, becomes black).
 * OpenCV reads the tensor's native memory in place: each plane is scaled to bytes, then the three are
 * interleaved, so no float image is copied. Reuses its native images: one instance per thread and stream,
 * closed with its generator.
 */
public final class FrameWriter implements AutoCloseable {
    private final Mat[] channelBytes = {new Mat(), new Mat(), new Mat()};
    private final MatVector channels = new MatVector(3);
    private final Mat sized = new Mat();

    /** Writes {@code source}, {@code width × height} RGB in {@code layout} and {@code range}, as the target frame. */
    public void write(TensorBuffer source, int width, int height, Layout layout, ValueRange range,
                      VideoFrame target, int targetWidth, int targetHeight) {
        TensorImage.check(source, width, height);
        ByteBuffer out = target.reshape(targetWidth, targetHeight, targetWidth * 3, PixelFormat.RGB24);
        // value in the model's range → [0, 1] → [0, 255]
        double alpha = 255.0 / range.scale();
        double beta = -range.offset() * 255.0 / range.scale();
        int depth = TensorImage.depth(source);
        boolean sameSize = width == targetWidth && height == targetHeight;
        try (BytePointer memory = new BytePointer(source.nativeView());
             BytePointer outPixels = new BytePointer(out);
             Mat frame = new Mat(targetHeight, targetWidth, CV_8UC3, outPixels, targetWidth * 3L)) {
            Mat rgb = sameSize ? frame : sized;
            if (layout == Layout.INTERLEAVED) {
                try (Mat image = TensorImage.interleaved(memory, width, height, depth)) {
                    image.convertTo(rgb, CV_8U, alpha, beta);
                }
            } else {
                for (int c = 0; c < 3; c++) {
                    try (Mat plane = TensorImage.plane(memory, c, width, height, depth)) {
                        plane.convertTo(channelBytes[c], CV_8U, alpha, beta);
                    }
                    channels.put(c, channelBytes[c]);
                }
                merge(channels, rgb);
            }
            if (!sameSize) {
                try (Size size = new Size(targetWidth, targetHeight)) {
                    resize(sized, frame, size, 0, 0, INTER_LINEAR);
                }
            }
        }
    }

    /** Frees the native images now rather than at a garbage collection. */
    @Override
    public void close() {
        channels.close();
        for (Mat bytes : channelBytes) {
            bytes.close();
        }
        sized.close();
    }
}
