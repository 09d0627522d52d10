package org.liquide.scene;

import org.liquide.camera.CameraFeed;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.worker.GeneratorWorker;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.sketch.Sketch;

import java.util.Map;

/**
 * A scene's CPU-side parts, made ready off the render thread: decoded images and masks, shaders read
 * and translated (their imported images decoded), compiled sketches, started video feeds, generator
 * workers loading their models. The render thread turns it into a {@link SceneInstance} without reading
 * a file.
 */
public record PreparedScene(SceneDefinition definition, Map<String, VideoFrame> images, Map<String, VideoFrame> masks,
                            Map<String, ShaderDocument> shaders, Map<String, Sketch> sketches, Map<String, CameraFeed> videos,
                            Map<String, GeneratorWorker> workers) {

    /** Releases what the scene held when it is not used after all. */
    public void discard() {
        images.values().forEach(VideoFrame::free);
        masks.values().forEach(VideoFrame::free);
        videos.values().forEach(CameraFeed::close);
        workers.values().forEach(GeneratorWorker::close);
    }
}
