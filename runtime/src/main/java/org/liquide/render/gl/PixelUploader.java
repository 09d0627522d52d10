package org.liquide.render.gl;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.lwjgl.system.MemoryUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL15C.*;
import static org.lwjgl.opengl.GL21C.GL_PIXEL_UNPACK_BUFFER;
import static org.lwjgl.opengl.GL30C.*;

/**
 * Streams frames into a texture through a ring of pixel buffer objects: the copy into a PBO is a plain
 * memcpy and the texture update reads from the PBO asynchronously, so the render thread does not stall
 * on the transfer. Bytes go up in the frame's own order (BGR stays BGR; the shader swizzles) and padded
 * rows are described with GL_UNPACK_ROW_LENGTH / GL_UNPACK_ALIGNMENT instead of being repacked.
 */
public final class PixelUploader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PixelUploader.class);
    private static final int RING = 3;

    private final int[] buffers = new int[RING];
    private final long[] capacities = new long[RING];
    private int next;
    private boolean repackLogged;

    public PixelUploader() {
        for (int i = 0; i < RING; i++) {
            buffers[i] = glGenBuffers();
        }
    }

    /** Uploads the frame into the texture, (re)allocating the texture only when the shape changes. */
    public void upload(VideoFrame frame, Texture2D target) {
        PixelFormat format = frame.format();
        int width = frame.width();
        int height = frame.height();
        int bpp = format.bytesPerPixel();
        int tightRow = width * bpp;
        int stride = frame.strideBytes();
        target.ensureStorage(width, height, internalFormat(format));

        int rowLength = 0;
        int alignment = 1;
        boolean repack = false;
        if (stride != tightRow) {
            if (stride % bpp == 0) {
                rowLength = stride / bpp;
            } else {
                alignment = alignmentFor(tightRow, stride);
                repack = alignment == 0;
                if (repack) {
                    alignment = 1;
                    logRepackOnce(stride, tightRow);
                }
            }
        }
        long bytes = repack ? (long) tightRow * height : (long) stride * height;

        int buffer = buffers[next];
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, buffer);
        glBufferData(GL_PIXEL_UNPACK_BUFFER, Math.max(bytes, capacities[next]), GL_STREAM_DRAW);
        capacities[next] = Math.max(bytes, capacities[next]);
        long mapped = nglMapBufferRange(GL_PIXEL_UNPACK_BUFFER, 0L, bytes, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT);
        if (mapped == MemoryUtil.NULL) {
            glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
            throw new GlException("glMapBufferRange failed for a " + width + "x" + height + " upload");
        }
        long source = MemoryUtil.memAddress(frame.pixels());
        if (repack) {
            for (int row = 0; row < height; row++) {
                MemoryUtil.memCopy(source + (long) row * stride, mapped + (long) row * tightRow, tightRow);
            }
        } else {
            MemoryUtil.memCopy(source, mapped, bytes);
        }
        glUnmapBuffer(GL_PIXEL_UNPACK_BUFFER);

        glBindTexture(GL_TEXTURE_2D, target.id());
        glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, rowLength);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, uploadFormat(format), GL_UNSIGNED_BYTE, 0L);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
        next = (next + 1) % RING;
    }

    /** The GL_UNPACK_ALIGNMENT (2, 4 or 8) that pads a tight row to this stride, or 0 if none does. */
    static int alignmentFor(int tightRow, int stride) {
        for (int alignment = 2; alignment <= 8; alignment *= 2) {
            int padded = (tightRow + alignment - 1) / alignment * alignment;
            if (padded == stride) {
                return alignment;
            }
        }
        return 0;
    }

    static int internalFormat(PixelFormat format) {
        return switch (format) {
            case RGB24, BGR24 -> GL_RGB8;
            case RGBA32, BGRA32 -> GL_RGBA8;
            case GRAY8 -> GL_R8;
        };
    }

    static int uploadFormat(PixelFormat format) {
        return switch (format) {
            case RGB24, BGR24 -> GL_RGB;
            case RGBA32, BGRA32 -> GL_RGBA;
            case GRAY8 -> GL_RED;
        };
    }

    private void logRepackOnce(int stride, int tightRow) {
        if (!repackLogged) {
            repackLogged = true;
            LOG.info("rows of {} bytes padded to {} cannot be described to GL; repacking rows while copying", tightRow, stride);
        }
    }

    @Override
    public void close() {
        glDeleteBuffers(buffers);
    }
}
