package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.camera.CameraStatus;
import org.liquide.camera.FrameSource;
import org.liquide.frame.VideoFrame;
import org.liquide.render.layer.CameraFade;
import org.liquide.render.layer.CameraLayerSource;
import org.liquide.hardware.testing.Await;
import org.liquide.testing.TestVideos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A camera that dies mid-show and comes back: the compositor never stops, the layer fades out and back in. */
class CameraLossTest {
    @TempDir
    Path dir;

    /** A real video file behind a plug the test can pull: unplugged, reads fail and the device cannot open. */
    static final class Unpluggable implements FrameSource {
        private final FrameSource inner;
        volatile boolean unplugged;

        Unpluggable(FrameSource inner) {
            this.inner = inner;
        }

        @Override
        public void open() throws IOException {
            if (unplugged) {
                throw new IOException("no such device");
            }
            inner.open();
        }

        @Override
        public boolean grab(VideoFrame into) throws IOException {
            if (unplugged) {
                throw new IOException("device unplugged");
            }
            return inner.grab(into);
        }

        @Override
        public void rewind() throws IOException {
            inner.rewind();
        }

        @Override
        public double pacingFramesPerSecond() {
            return inner.pacingFramesPerSecond();
        }

        @Override
        public String format() {
            return inner.format();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aLostCameraFadesOutWhileRenderingGoesOnAndFadesBackInWhenItReturns() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("cam.mp4"), 64, 36, 30, 30);
        Unpluggable plug = new Unpluggable(org.liquide.camera.CameraSources.forSpec(new CameraSpec.VideoFile(video)));
        CameraFeed feed = new CameraFeed("unpluggable", plug);
        CameraLayerSource[] camera = new CameraLayerSource[1];
        RenderLoop loop = new RenderLoop(OutputSettings.defaults().withSize(64, 36).withHeadless(true).withOffscreenFps(120),
                (w, h) -> {
                    camera[0] = new CameraLayerSource(feed, new CameraFade(0.5, 0.3));
                    return new LayerStack(List.of(new Layer("camera", camera[0], new LayerStyle())), List.of());
                });
        float[] presence = new float[1];
        loop.addObserver((clock, frame) -> presence[0] = camera[0].presence());
        try (feed) {
            feed.start();
            loop.start();
            Await.until(Await.GENEROUS, () -> "camera faded in, presence " + presence[0], () -> presence[0] >= 1f);

            plug.unplugged = true;
            Await.until(Await.GENEROUS, "status LOST", () -> feed.status() == CameraStatus.LOST);
            long framesAtLoss = loop.framesRendered();
            Await.until(Await.GENEROUS, () -> "camera faded out, presence " + presence[0], () -> presence[0] <= 0f);
            assertTrue(loop.framesRendered() > framesAtLoss + 10, "rendering went on while the camera was lost");

            plug.unplugged = false;
            Await.until(Await.GENEROUS, "status LIVE again", () -> feed.status() == CameraStatus.LIVE);
            Await.until(Await.GENEROUS, () -> "camera faded back in, presence " + presence[0], () -> presence[0] >= 1f);
            assertEquals(1, feed.timesLost());
            assertNull(loop.failure());
        } finally {
            loop.stop();
            assertTrue(loop.awaitFinished(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }
}
