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
 * Streams frames into textures through a ring of pixel buffer objects: the copy into a PBO is a plain
 * memcpy and the texture updates read from the PBO asynchronously, so the render thread does not stall
 * on the transfer. Each PBO's storage is allocated once (again only when a larger frame comes) and mapped
 * with its old contents invalidated, so no frame allocates. On a software rasteriser, where a texture
 * update is itself a CPU copy, the PBO is one more copy with nothing asynchronous to gain: frames go from
 * their own memory straight into the textures. Bytes go up in the frame's own order (BGR stays BGR, YUV
 * stays YUV; the shader converts): a frame's planes travel in one PBO, each plane into its own single- or two-channel texture
 * (GL_R8 for Y, U, V; GL_RG8 for NV12's interleaved chroma; YUYV pairs as GL_RGBA8 of half the width).
 * Padded rows are described with GL_UNPACK_ROW_LENGTH / GL_UNPACK_ALIGNMENT instead of being repacked.
 */
public final class PixelUploader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PixelUploader.class);
    private static final int RING = 3;

    private final int[] buffers = new int[RING];
    private final long[] capacities = new long[RING];
    private final int[] rowLengths = new int[3];
    private final int[] alignments = new int[3];
    private final boolean[] repacks = new boolean[3];
    private final long[] bufferOffsets = new long[3];
    private final boolean throughPixelBuffers;
    private int next;
    private boolean repackLogged;

    /** An uploader for the current context: through pixel buffers unless it rasterises in software. */
    public PixelUploader() {
        this(!SoftwareRasteriser.isCurrent());
    }

    /** @param throughPixelBuffers through the ring of pixel buffers, or straight from the frame's memory */
    public PixelUploader(boolean throughPixelBuffers) {
        this.throughPixelBuffers = throughPixelBuffers;
        for (int i = 0; i < RING; i++) {
            buffers[i] = glGenBuffers();
        }
    }

    /** Uploads a one-plane RGB or grey frame into the texture, (re)allocating it only when the shape changes. */
    public void upload(VideoFrame frame, Texture2D target) {
        if (frame.format().isYuv()) {
            throw new IllegalArgumentException(frame.format() + " frames go up into FrameTextures, which carry their planes and encoding");
        }
        uploadPlanes(frame, null, target);
    }

    /** Uploads every plane of the frame into the frame textures, with its format, size and colour encoding. */
    public void upload(VideoFrame frame, FrameTextures target) {
        target.describe(frame.format(), frame.encoding(), frame.width(), frame.height());
        uploadPlanes(frame, target, null);
    }

    private void uploadPlanes(VideoFrame frame, FrameTextures textures, Texture2D single) {
        PixelFormat format = frame.format();
        int width = frame.width();
        int height = frame.height();
        int planes = format.planeCount();
        long bytes = 0;
        boolean anyRepack = false;
        for (int plane = 0; plane < planes; plane++) {
            int texelBytes = format.planeTexelBytes(plane);
            int tightRow = format.planeTexelWidth(plane, width) * texelBytes;
            int stride = frame.planeStride(plane);
            int rowLength = 0;
            int alignment = 1;
            boolean repack = false;
            if (stride != tightRow) {
                if (stride % texelBytes == 0) {
                    rowLength = stride / texelBytes;
                } else {
                    alignment = alignmentFor(tightRow, stride);
                    repack = alignment == 0;
                    if (repack) {
                        alignment = 1;
                        logRepackOnce(stride, tightRow);
                    }
                }
            }
            rowLengths[plane] = rowLength;
            alignments[plane] = alignment;
            repacks[plane] = repack;
            anyRepack |= repack;
            bufferOffsets[plane] = bytes;
            bytes += (long) (repack ? tightRow : stride) * format.planeHeight(plane, height);
        }

        // Storage first: allocating a texture while the PBO is bound would read its (not yet written) bytes.
        for (int plane = 0; plane < planes; plane++) {
            Texture2D target = single != null ? single : textures.planeForUpload(plane);
            target.ensureStorage(format.planeTexelWidth(plane, width), format.planeHeight(plane, height),
                    internalFormat(format.planeTexelBytes(plane)));
        }
        long source = MemoryUtil.memAddress(frame.pixels());
        if (throughPixelBuffers || anyRepack) {
            long mapped = mapNextBuffer(bytes, width, height);
            copyPlanes(frame, source, mapped);
            glUnmapBuffer(GL_PIXEL_UNPACK_BUFFER);
            updateTextures(frame, textures, single, true, 0L);
            glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
            next = (next + 1) % RING;
        } else {
            updateTextures(frame, textures, single, false, source);
        }
    }

    /** Binds the next PBO of the ring, its storage grown if the frame needs more, and maps it for writing. */
    private long mapNextBuffer(long bytes, int width, int height) {
        glBindBuffer(GL_PIXEL_UNPACK_BUFFER, buffers[next]);
        if (bytes > capacities[next]) {
            glBufferData(GL_PIXEL_UNPACK_BUFFER, bytes, GL_STREAM_DRAW);
            capacities[next] = bytes;
        }
        long mapped = nglMapBufferRange(GL_PIXEL_UNPACK_BUFFER, 0L, bytes, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT);
        if (mapped == MemoryUtil.NULL) {
            glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
            throw new GlException("glMapBufferRange failed for a " + width + "x" + height + " upload");
        }
        return mapped;
    }

    private void copyPlanes(VideoFrame frame, long source, long mapped) {
        PixelFormat format = frame.format();
        for (int plane = 0; plane < format.planeCount(); plane++) {
            long from = source + frame.planeOffset(plane);
            long to = mapped + bufferOffsets[plane];
            int stride = frame.planeStride(plane);
            int rows = format.planeHeight(plane, frame.height());
            if (repacks[plane]) {
                int tightRow = format.planeTexelWidth(plane, frame.width()) * format.planeTexelBytes(plane);
                for (int row = 0; row < rows; row++) {
                    MemoryUtil.memCopy(from + (long) row * stride, to + (long) row * tightRow, tightRow);
                }
            } else {
                MemoryUtil.memCopy(from, to, (long) stride * rows);
            }
        }
    }

    /**
     * Updates each plane's texture from the bound PBO (the planes at their offsets in it) or, with no PBO
     * bound, from the frame's own memory at {@code source}.
     */
    private void updateTextures(VideoFrame frame, FrameTextures textures, Texture2D single, boolean fromPixelBuffer, long source) {
        PixelFormat format = frame.format();
        for (int plane = 0; plane < format.planeCount(); plane++) {
            int texelBytes = format.planeTexelBytes(plane);
            int texelWidth = format.planeTexelWidth(plane, frame.width());
            int rows = format.planeHeight(plane, frame.height());
            Texture2D target = single != null ? single : textures.planeForUpload(plane);
            glBindTexture(GL_TEXTURE_2D, target.id());
            glPixelStorei(GL_UNPACK_ALIGNMENT, alignments[plane]);
            glPixelStorei(GL_UNPACK_ROW_LENGTH, rowLengths[plane]);
            nglTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, texelWidth, rows, uploadFormat(texelBytes), GL_UNSIGNED_BYTE,
                    fromPixelBuffer ? bufferOffsets[plane] : source + frame.planeOffset(plane));
        }
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
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

    /** The texture format of a plane with this many bytes per texel. */
    static int internalFormat(int texelBytes) {
        return switch (texelBytes) {
            case 1 -> GL_R8;
            case 2 -> GL_RG8;
            case 3 -> GL_RGB8;
            default -> GL_RGBA8;
        };
    }

    static int uploadFormat(int texelBytes) {
        return switch (texelBytes) {
            case 1 -> GL_RED;
            case 2 -> GL_RG;
            case 3 -> GL_RGB;
            default -> GL_RGBA;
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
