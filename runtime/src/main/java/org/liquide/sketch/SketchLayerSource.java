package org.liquide.sketch;

import org.liquide.frame.VideoFrame;
import org.liquide.render.FrameClock;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerSource;
import org.liquide.render.gl.PixelUploader;
import org.liquide.render.gl.Texture2D;

/** A sketch as a layer: uploads each new frame its runner drew. Never waits for the sketch. */
public final class SketchLayerSource implements LayerSource {
    private final SketchRunner runner;
    private final PixelUploader uploader = new PixelUploader();
    private final Texture2D texture = new Texture2D();
    private final LayerImage image = new LayerImage();

    public SketchLayerSource(SketchRunner runner) {
        this.runner = runner;
    }

    @Override
    public void update(FrameClock clock) {
        VideoFrame frame = runner.output().takeLatest();
        if (frame != null) {
            uploader.upload(frame, texture);
            image.set(texture, texture, 1f, frame.format(), true);
        }
    }

    @Override
    public LayerImage image() {
        return image;
    }

    public SketchRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
        uploader.close();
        texture.close();
    }
}
