package org.liquide.render.gl;

import org.liquide.frame.ColorEncoding;
import org.liquide.frame.PixelFormat;

/**
 * One uploaded frame on the GPU: a texture per plane (one for packed formats, two for NV12, three for
 * planar YUV), with the frame's format, size and colour encoding, which the shader needs to read it.
 * Filled by {@link PixelUploader}; owned by the render thread.
 */
public final class FrameTextures implements AutoCloseable {
    private final Texture2D[] planes = new Texture2D[3];
    private PixelFormat format = PixelFormat.RGBA32;
    private ColorEncoding encoding = ColorEncoding.BT601_LIMITED;
    private int width;
    private int height;

    /** The plane's texture, made on first use (a new shape or format only). */
    Texture2D planeForUpload(int plane) {
        if (planes[plane] == null) {
            planes[plane] = new Texture2D();
        }
        return planes[plane];
    }

    void describe(PixelFormat format, ColorEncoding encoding, int width, int height) {
        this.format = format;
        this.encoding = encoding;
        this.width = width;
        this.height = height;
    }

    /** The plane's texture; plane 0 is the whole image for RGB formats, the luma (or YUYV pairs) for YUV. */
    public Texture2D plane(int plane) {
        return planes[plane];
    }

    public PixelFormat format() {
        return format;
    }

    public ColorEncoding encoding() {
        return encoding;
    }

    /** The image's width in pixels (a YUYV plane's texture is half as wide). */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean hasStorage() {
        return width > 0;
    }

    @Override
    public void close() {
        for (Texture2D plane : planes) {
            if (plane != null) {
                plane.close();
            }
        }
    }
}
