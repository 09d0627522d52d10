package org.liquide.render.layer;

import org.liquide.frame.VideoFrame;
import org.liquide.render.FrameClock;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerSource;
import org.liquide.render.gl.PixelUploader;
import org.liquide.render.gl.Texture2D;

/** A still image as a layer, uploaded once on the first frame. */
public final class StillImageSource implements LayerSource {
    private final VideoFrame frame;
    private final Texture2D texture = new Texture2D();
    private final LayerImage image = new LayerImage();
    private boolean uploaded;

    /** Takes ownership of the frame and frees its memory once uploaded. */
    public StillImageSource(VideoFrame frame) {
        this.frame = frame;
    }

    @Override
    public void update(FrameClock clock) {
        if (!uploaded) {
            try (PixelUploader uploader = new PixelUploader()) {
                uploader.upload(frame, texture);
            }
            image.set(texture, texture, 1f, frame.format(), true);
            frame.free();
            uploaded = true;
        }
    }

    @Override
    public LayerImage image() {
        return image;
    }

    @Override
    public void close() {
        texture.close();
        frame.free();
    }
}
