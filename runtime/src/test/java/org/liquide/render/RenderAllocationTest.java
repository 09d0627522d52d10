package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.camera.CameraFeed;
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
    /** The JIT changes tiers during the first few hundred frames, which allocates a little; steady state is after. */
    private static final long WARM_UP_FRAMES = 2000;
    private static final long MEASURED_FRAMES = 1000;
    /**
     * Less than one byte per frame. An object allocated every frame, even the smallest (16 bytes), would
     * show as 16 000 bytes or more. What this leaves room for are rare one-off events that no frame code
     * causes: lazy linkage of a native binding reached late, class initialisation on a rarely taken
     * branch (measured here: 56 to 1 280 bytes, a few times in a run of thousands of frames, also with
     * escape analysis off, so not objects the JIT had been eliding).
     */
    private static final long ONE_OFF_ALLOWANCE_BYTES = MEASURED_FRAMES - 1;

    @TempDir
    Path dir;

    @Test
    void theDemoRendersAThousandFramesWithoutAllocatingPerFrame() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("camera.mp4"), 160, 90, 60, 30);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        long[] allocated = {-1, -1};
        long[] uploadsSeen = new long[1];
        try (DemoShow show = DemoShow.start(new DemoShow.Options(Optional.of(video.toString()), "builtin",
                OutputSettings.defaults().withSize(320, 180).withHeadless(true).withOffscreenFps(0)))) {
            RenderLoop loop = show.loop();
            CameraFeed camera = show.camera();
            // The observer runs on the render thread: it reads only fields, so that it allocates nothing itself.
            loop.addObserver((clock, frame) -> {
                long index = clock.frameIndex();
                if (index == WARM_UP_FRAMES) {
                    uploadsSeen[0] = camera.framesCaptured();
                    allocated[0] = threads.getCurrentThreadAllocatedBytes();
                } else if (index == WARM_UP_FRAMES + MEASURED_FRAMES) {
                    allocated[1] = threads.getCurrentThreadAllocatedBytes();
                    uploadsSeen[0] = camera.framesCaptured() - uploadsSeen[0];
                }
            });
            Await.until(Duration.ofSeconds(120), () -> "measurement over " + MEASURED_FRAMES + " frames, at frame "
                    + loop.framesRendered(), () -> allocated[1] >= 0 || loop.failure() != null);
            assertNull(loop.failure());
            loop.stop();
            assertTrue(loop.awaitFinished(10, TimeUnit.SECONDS));
        }
        assertTrue(uploadsSeen[0] > 5, "camera frames arrived during the measurement: " + uploadsSeen[0]);
        long bytes = allocated[1] - allocated[0];
        assertTrue(bytes <= ONE_OFF_ALLOWANCE_BYTES,
                "bytes allocated by the render thread over " + MEASURED_FRAMES + " frames: " + bytes);
    }
}
