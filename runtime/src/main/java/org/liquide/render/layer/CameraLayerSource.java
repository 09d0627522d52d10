package org.liquide.render.layer;

import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraStatus;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.render.FrameClock;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerSource;
import org.liquide.render.gl.FrameTextures;
import org.liquide.render.gl.PixelUploader;

/**
 * A camera as a layer: uploads the latest frame when there is one and fades the layer out while the
 * camera is lost or silent, back in when it returns. Never waits for the camera. Frames go up, in
 * their own layout, into a ring of textures, so an upload never writes a texture that a frame still in
 * flight on the GPU reads.
 */
public final class CameraLayerSource implements LayerSource {
    private final CameraFeed feed;
    private final FrameSlot slot;
    private final PixelUploader uploader = new PixelUploader();
    private final FrameTextures[] ring = {new FrameTextures(), new FrameTextures(), new FrameTextures()};
    private int next;
    private final LayerImage image = new LayerImage();
    private final long silentAfterNanos;
    private final double fadeSeconds;
    private float presence;
    private long lastUploadNanos;
    private long lastCaptureNanos;

    public CameraLayerSource(CameraFeed feed, CameraFade fade) {
        this.feed = feed;
        this.slot = feed.subscribe();
        this.silentAfterNanos = (long) (fade.silentAfterSeconds() * 1e9);
        this.fadeSeconds = fade.fadeSeconds();
    }

    @Override
    public void update(FrameClock clock) {
        VideoFrame frame = slot.takeLatest();
        if (frame != null) {
            FrameTextures textures = ring[next];
            next = (next + 1) % ring.length;
            uploader.upload(frame, textures);
            image.set(textures, true);
            lastUploadNanos = clock.nowNanos();
            lastCaptureNanos = frame.captureNanos();
        }
        boolean showing = feed.status() == CameraStatus.LIVE && lastUploadNanos != 0L
                && clock.nowNanos() - lastUploadNanos < silentAfterNanos;
        float step = (float) (clock.deltaSeconds() / fadeSeconds);
        presence = showing ? Math.min(1f, presence + step) : Math.max(0f, presence - step);
    }

    @Override
    public LayerImage image() {
        return image;
    }

    @Override
    public float presence() {
        return presence;
    }

    /** Capture time of the frame on screen, for the capture-to-display latency. */
    public long shownCaptureNanos() {
        return lastCaptureNanos;
    }

    public CameraFeed feed() {
        return feed;
    }

    @Override
    public void close() {
        feed.unsubscribe(slot);
        uploader.close();
        for (FrameTextures textures : ring) {
            textures.close();
        }
    }
}
