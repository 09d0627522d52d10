package org.liquide.generate.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.liquide.generate.engine.TensorBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_16F;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;

/**
 * OpenCV images over a tensor's own native memory (no copy): one plane of a planar RGB image, or the
 * interleaved image whole, at the tensor's element type. Valid while the tensor keeps its shape.
 */
final class TensorImage {
    private TensorImage() {
    }

    /** OpenCV's depth for the tensor's element type: float32 and float16 are what image models take. */
    static int depth(TensorBuffer tensor) {
        return switch (tensor.type()) {
            case FLOAT32 -> CV_32F;
            case FLOAT16 -> CV_16F;
            default -> throw new IllegalArgumentException(tensor + ": an image tensor must be float32 or float16");
        };
    }

    /** Fails unless the tensor holds exactly one RGB image of that size. */
    static void check(TensorBuffer tensor, int width, int height) {
        if (tensor.elementCount() != 3 * width * height) {
            throw new IllegalArgumentException(tensor + " does not hold one " + width + "x" + height + " RGB image");
        }
    }

    static Mat plane(BytePointer memory, int channel, int width, int height, int depth) {
        long planeBytes = (long) width * height * elementBytes(depth);
        return new Mat(height, width, CV_MAKETYPE(depth, 1), memory.getPointer(channel * planeBytes));
    }

    static Mat interleaved(BytePointer memory, int width, int height, int depth) {
        return new Mat(height, width, CV_MAKETYPE(depth, 3), memory);
    }

    private static int elementBytes(int depth) {
        return depth == CV_16F ? 2 : 4;
    }
}
