package org.liquide.render.gl;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.testing.OffscreenGl;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL30C.GL_RG;

/**
 * Every plane arrives in its texture byte for byte, whichever way the uploader goes (through its pixel
 * buffers, or straight from the frame's memory as on a software rasteriser), with tight, aligned, padded
 * and repacked rows, and frames that grow and shrink.
 */
@ExtendWith(OffscreenGl.class)
class PixelUploaderTest {

    /** A frame whose every plane byte is a function of its plane, row and column; padding bytes hold 0xEE. */
    private static VideoFrame frame(PixelFormat format, int width, int height, int... strides) {
        VideoFrame frame = new VideoFrame();
        ByteBuffer pixels = frame.reshapePlanes(width, height, format, strides[0],
                strides.length > 1 ? strides[1] : 0, strides.length > 2 ? strides[2] : 0);
        for (int i = 0; i < pixels.limit(); i++) {
            pixels.put(i, (byte) 0xEE);
        }
        for (int plane = 0; plane < format.planeCount(); plane++) {
            for (int row = 0; row < format.planeHeight(plane, height); row++) {
                for (int x = 0; x < format.planeRowBytes(plane, width); x++) {
                    pixels.put(frame.planeOffset(plane) + row * frame.planeStride(plane) + x, expected(plane, row, x));
                }
            }
        }
        return frame;
    }

    private static byte expected(int plane, int row, int x) {
        return (byte) (plane * 71 + row * 13 + x * 7);
    }

    private static void assertPlanesArrived(VideoFrame frame, FrameTextures textures) {
        PixelFormat format = frame.format();
        for (int plane = 0; plane < format.planeCount(); plane++) {
            int texelBytes = format.planeTexelBytes(plane);
            int rowBytes = format.planeTexelWidth(plane, frame.width()) * texelBytes;
            int rows = format.planeHeight(plane, frame.height());
            ByteBuffer read = MemoryUtil.memAlloc(rowBytes * rows);
            try {
                glBindTexture(GL_TEXTURE_2D, textures.plane(plane).id());
                glPixelStorei(GL_PACK_ALIGNMENT, 1);
                int glFormat = switch (texelBytes) {
                    case 1 -> GL_RED;
                    case 2 -> GL_RG;
                    case 3 -> GL_RGB;
                    default -> GL_RGBA;
                };
                glGetTexImage(GL_TEXTURE_2D, 0, glFormat, GL_UNSIGNED_BYTE, read);
                for (int row = 0; row < rows; row++) {
                    for (int x = 0; x < rowBytes; x++) {
                        assertEquals(expected(plane, row, x), read.get(row * rowBytes + x),
                                format + " " + frame.width() + "x" + frame.height() + " plane " + plane + " row " + row + " byte " + x);
                    }
                }
            } finally {
                MemoryUtil.memFree(read);
                glPixelStorei(GL_PACK_ALIGNMENT, 4);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyPlaneArrivesAsItWasWhateverItsRows(boolean throughPixelBuffers) {
        VideoFrame[] frames = {
                frame(PixelFormat.BGR24, 101, 57, 303),              // tight
                frame(PixelFormat.BGR24, 101, 57, 304),              // padded to GL_UNPACK_ALIGNMENT 4
                frame(PixelFormat.BGR24, 101, 57, 320),              // padded to no alignment: rows repacked
                frame(PixelFormat.RGBA32, 101, 57, 416),             // padded by GL_UNPACK_ROW_LENGTH
                frame(PixelFormat.I420, 64, 36, 64, 32, 32),         // planar, tight
                frame(PixelFormat.I420, 200, 100, 256, 128, 128),    // planar, padded, larger: the buffers grow
                frame(PixelFormat.NV12, 64, 36, 80, 80),             // two planes, padded
                frame(PixelFormat.YUYV422, 30, 20, 64),              // pairs, padded
                frame(PixelFormat.GRAY8, 33, 17, 33),                // smaller again
        };
        try (PixelUploader uploader = new PixelUploader(throughPixelBuffers); FrameTextures textures = new FrameTextures()) {
            for (int round = 0; round < 2; round++) { // twice round the ring of pixel buffers
                for (VideoFrame frame : frames) {
                    uploader.upload(frame, textures);
                    assertPlanesArrived(frame, textures);
                }
            }
        } finally {
            for (VideoFrame frame : frames) {
                frame.free();
            }
        }
    }
}
