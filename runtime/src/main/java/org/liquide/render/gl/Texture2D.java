package org.liquide.render.gl;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL12C.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengl.GL30C.GL_R8;
import static org.lwjgl.opengl.GL30C.GL_RG;
import static org.lwjgl.opengl.GL30C.GL_RG8;
import static org.lwjgl.opengl.GL30C.GL_RGBA16F;

/** A 2D texture with linear filtering and clamped edges; storage is (re)allocated only on a shape change. */
public final class Texture2D implements AutoCloseable {
    private final int id;
    private int width;
    private int height;
    private int internalFormat;

    public Texture2D() {
        id = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }

    /** Ensures storage of this size and format; returns true when it had to be (re)allocated. */
    public boolean ensureStorage(int width, int height, int internalFormat) {
        if (width == this.width && height == this.height && internalFormat == this.internalFormat) {
            return false;
        }
        int format = switch (internalFormat) {
            case GL_RGBA8, GL_RGBA16F -> GL_RGBA;
            case GL_RGB8 -> GL_RGB;
            case GL_RG8 -> GL_RG;
            case GL_R8 -> GL_RED;
            default -> throw new IllegalArgumentException("unsupported texture format 0x" + Integer.toHexString(internalFormat));
        };
        glBindTexture(GL_TEXTURE_2D, id);
        glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, format,
                internalFormat == GL_RGBA16F ? GL_FLOAT : GL_UNSIGNED_BYTE, 0L);
        this.width = width;
        this.height = height;
        this.internalFormat = internalFormat;
        return true;
    }

    public int id() {
        return id;
    }

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
        glDeleteTextures(id);
    }
}
