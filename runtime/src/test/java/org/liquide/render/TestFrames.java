package org.liquide.render;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;

import java.nio.ByteBuffer;

/** Synthetic frames with known content, in any pixel layout and stride. */
final class TestFrames {
    /** Produces the RGBA of pixel (x, y). */
    interface Painter {
        int[] rgba(int x, int y);
    }

    private TestFrames() {
    }

    static VideoFrame make(int width, int height, PixelFormat format, int strideBytes, Painter painter) {
        VideoFrame frame = new VideoFrame();
        ByteBuffer pixels = frame.reshape(width, height, strideBytes, format);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] c = painter.rgba(x, y);
                int at = y * strideBytes + x * format.bytesPerPixel();
                switch (format) {
                    case RGB24 -> put(pixels, at, c[0], c[1], c[2]);
                    case BGR24 -> put(pixels, at, c[2], c[1], c[0]);
                    case RGBA32 -> put(pixels, at, c[0], c[1], c[2], c[3]);
                    case BGRA32 -> put(pixels, at, c[2], c[1], c[0], c[3]);
                    case GRAY8 -> put(pixels, at, c[0]);
                }
            }
        }
        return frame;
    }

    static VideoFrame make(int width, int height, PixelFormat format, Painter painter) {
        return make(width, height, format, width * format.bytesPerPixel(), painter);
    }

    private static void put(ByteBuffer buffer, int at, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            buffer.put(at + i, (byte) bytes[i]);
        }
    }

    /** Red rises left to right, green bottom to top, blue constant: every pixel differs. */
    static int[] gradient(int x, int y, int width, int height) {
        return new int[]{x * 255 / (width - 1), (height - 1 - y) * 255 / (height - 1), 96, 255};
    }

    /**
     * Four quadrants (white, black, mid grey, cyan), top half opaque, bottom half half-transparent,
     * and a thin red frame on the left edge to see orientation and mirroring.
     */
    static int[] quadrants(int x, int y, int width, int height) {
        if (x < width / 16) {
            return new int[]{255, 0, 0, 255};
        }
        boolean left = x < width / 2;
        boolean top = y < height / 2;
        int alpha = top ? 255 : 128;
        if (left && top) {
            return new int[]{255, 255, 255, alpha};
        } else if (!left && top) {
            return new int[]{0, 0, 0, alpha};
        } else if (left) {
            return new int[]{128, 128, 128, alpha};
        }
        return new int[]{0, 200, 220, alpha};
    }
}
