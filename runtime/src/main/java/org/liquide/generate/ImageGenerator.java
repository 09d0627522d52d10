package org.liquide.generate;

import org.liquide.frame.VideoFrame;
import org.liquide.generate.engine.ProviderChoice;

import java.util.List;

/**
 * Makes one image from a camera image and the current steering parameters. Runs on a worker thread
 * (never the render thread); one thread at a time per instance.
 */
public interface ImageGenerator extends AutoCloseable {
    /** A short name for logs and status: {@code cppn}, the model file, the diffusion folder. */
    String name();

    /** Where it runs: {@code cpu}, {@code cuda:0}, {@code tensorrt:0}. */
    String device();

    /** Where it runs, what was asked for, and why faster execution providers were refused. */
    default ProviderChoice provider() {
        return ProviderChoice.direct(device());
    }

    /**
     * Generates one image.
     *
     * @param input  the camera image, in any pixel format and size; {@link VideoFrame#isEmpty() empty}
     *               when there is no camera
     * @param params the steering parameters for this image; read only
     * @param output receives an RGB24 image, top row first, at the generator's size
     */
    void generate(VideoFrame input, GenerationParams params, VideoFrame output) throws Exception;

    /**
     * How many calls late an image comes out after its camera image: 0, or {@code steps − 1} for a diffusion
     * stream batch. A caller that stops calling when the camera stops moving calls this many more times
     * with the still image, so that the images still in flight come out.
     */
    default int imagesBehind() {
        return 0;
    }

    /** The models behind this generator, with their inputs and outputs, for {@code liquide models check}. */
    default List<ModelDescription> describe() {
        return List.of();
    }

    /** Releases the models; the generator is unusable afterwards. */
    @Override
    void close();
}
