package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.show.DemoShow;
import org.liquide.hardware.testing.Await;
import org.liquide.testing.TestVideos;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** In steady state the render thread allocates nothing on the Java heap. */
class RenderAllocationTest {
    private static final long WARM_UP_FRAMES = 400;
    private static final long MEASURED_FRAMES = 500;

    @TempDir
    Path dir;

    @Test
    void theDemoRendersFiveHundredFramesWithoutAllocating() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("camera.mp4"), 160, 90, 60, 30);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        long[] allocated = {-1, -1};
        long[] uploadsSeen = new long[1];
        try (DemoShow show = DemoShow.create(new DemoShow.Options(Optional.of(video.toString()),
                OutputSettings.defaults().withSize(320, 180).withHeadless(true).withOffscreenFps(240)))) {
            RenderLoop loop = show.loop();
            loop.addObserver((clock, frame) -> {
                long index = clock.frameIndex();
                if (index == WARM_UP_FRAMES) {
                    allocated[0] = threads.getCurrentThreadAllocatedBytes();
                    uploadsSeen[0] = show.camera().framesCaptured();
                } else if (index == WARM_UP_FRAMES + MEASURED_FRAMES) {
                    allocated[1] = threads.getCurrentThreadAllocatedBytes();
                    uploadsSeen[0] = show.camera().framesCaptured() - uploadsSeen[0];
                }
            });
            show.start();
            Await.until(Duration.ofSeconds(120), () -> "measurement over " + MEASURED_FRAMES + " frames, at frame "
                    + loop.framesRendered(), () -> allocated[1] >= 0 || loop.failure() != null);
            assertNull(loop.failure());
            loop.stop();
            assertTrue(loop.awaitFinished(10, TimeUnit.SECONDS));
        }
        assertTrue(uploadsSeen[0] > 5, "camera frames arrived during the measurement: " + uploadsSeen[0]);
        assertEquals(0, allocated[1] - allocated[0],
                "bytes allocated by the render thread over " + MEASURED_FRAMES + " frames");
    }
}
