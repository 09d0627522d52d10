package org.liquide.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.camera.CameraFeed;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.app.DemoShow;
import org.liquide.hardware.testing.Await;
import org.liquide.render.output.DisplaySetup;
import org.liquide.render.output.SoftEdge;
import org.liquide.testing.SteadyStateAllocation;
import org.liquide.testing.TestVideos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** In steady state the render thread allocates nothing on the Java heap. */
class RenderAllocationTest {

    @TempDir
    Path dir;

    /** The CPPN through its worker, and the demo's default: the procedural generator with its matter buffer. */
    @ParameterizedTest
    @ValueSource(strings = {"builtin", "procedural"})
    void theDemoRendersAThousandFramesWithoutAllocatingPerFrame(String model) throws Exception {
        // Two warped, soft-edged displays: the projector pair's path is measured with the rest.
        double[][] keystone = {{0.05, 0.02}, {0.97, 0}, {1, 1}, {0, 0.96}};
        List<DisplaySetup> displays = List.of(
                new DisplaySetup("gauche", "", 192, 180, false, new float[]{0, 0, 0.6f, 1}, keystone, Optional.empty(),
                        new SoftEdge(0, 0.15, 0, 0, 2, 2.2)),
                new DisplaySetup("droite", "", 192, 180, false, new float[]{0.4f, 0, 1, 1}, keystone,
                        Optional.of(new DisplaySetup.Mesh(2, 2, new double[]{0, 0, 0.01, 0, 0, 0.01, 0, 0})),
                        new SoftEdge(0.15, 0, 0, 0, 2, 2.2)));
        Path video = TestVideos.redBlueHalves(dir.resolve("camera.mp4"), 160, 90, 60, 30);
        // At least 20 s of warm-up: the loop's clock-driven code (a sensor's sample, a generated image) compiled.
        SteadyStateAllocation allocation = new SteadyStateAllocation(100, Duration.ofSeconds(20));

        long[] uploadsAtStart = {-1};
        long[] uploadsSeen = new long[1];
        try (DemoShow show = DemoShow.start(new DemoShow.Options(Optional.of(video.toString()), model,
                OutputSettings.defaults().withSize(320, 180).withHeadless(true).withOffscreenFps(0).withDisplays(displays)))) {
            RenderLoop loop = show.loop();
            Await.until(Await.GENEROUS, "the displays opened", () -> loop.displays() != null);
            assertEquals(2, loop.displays().setups().size());
            CameraFeed camera = show.camera();
            FrameSlot cameraFrames = camera.subscribe();
            // The observer runs on the render thread: it reads only fields, so that it allocates nothing itself.
            loop.addObserver((clock, frame) -> {
                long index = clock.frameIndex();
                allocation.frame(index);
                if (uploadsAtStart[0] < 0 && allocation.measuring()) {
                    uploadsAtStart[0] = camera.framesCaptured();
                } else if (uploadsSeen[0] == 0 && allocation.done()) {
                    uploadsSeen[0] = camera.framesCaptured() - uploadsAtStart[0];
                }
            });
            // 3000 frames, unpaced: a loaded machine may render them at a few dozen a second.
            Await.until(Duration.ofSeconds(600), () -> "measurement of " + allocation.totalFrames() + " frames or more, at frame "
                    + loop.framesRendered(), () -> allocation.done() || loop.failure() != null);
            assertNull(loop.failure());
            VideoFrame lastCameraFrame = cameraFrames.takeLatest();
            assertNotNull(lastCameraFrame);
            assertEquals(PixelFormat.I420, lastCameraFrame.format(), "the camera's frames reach the render thread as YUV planes");
            loop.stop();
            assertTrue(loop.awaitFinished(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(uploadsSeen[0] > 5, "camera frames arrived during the measurement: " + uploadsSeen[0]);
        allocation.assertNonePerFrame("the render thread");
    }
}
