package org.liquide.render.generated;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.worker.GeneratorWorker;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.PixelUploader;
import org.liquide.render.gl.Texture2D;

/**
 * A model (the built-in CPPN, an image-to-image network, a diffusion pipeline) running on its own
 * worker thread: each frame the render thread hands it the latest parameters and, when the worker
 * has published a new image, uploads it. Never waits for the model.
 */
public final class WorkerGenerator implements Generator {
    private final GeneratorWorker worker;
    private final GenerationParams params;
    private final PixelUploader uploader = new PixelUploader();
    private volatile long lastShownCaptureNanos;
    private volatile long lastShownNanos;

    /** @param params the scene's parameters, written by mappings on the render thread */
    public WorkerGenerator(GeneratorWorker worker, GenerationParams params) {
        this.worker = worker;
        this.params = params;
    }

    @Override
    public String name() {
        return worker.stats().generator();
    }

    @Override
    public boolean poll(FrameClock clock, Texture2D target) {
        worker.params().publish(params);
        VideoFrame frame = worker.output().takeLatest();
        if (frame == null) {
            return false;
        }
        uploader.upload(frame, target);
        lastShownCaptureNanos = frame.captureNanos();
        lastShownNanos = clock.nowNanos();
        return true;
    }

    /** Input captured → result shown, for the last image, in milliseconds (0 before the first). */
    public double latencyMillis() {
        long shown = lastShownNanos;
        return shown == 0 ? 0 : (shown - lastShownCaptureNanos) / 1e6;
    }

    public GeneratorWorker worker() {
        return worker;
    }

    @Override
    public PixelFormat format() {
        return PixelFormat.RGB24;
    }

    @Override
    public boolean topRowFirst() {
        return true;
    }

    @Override
    public void close() {
        worker.close();
        uploader.close();
    }
}
