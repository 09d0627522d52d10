package org.liquide.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.signal.source.CameraVisionSource;
import org.liquide.hardware.testing.Await;
import org.liquide.testing.TestVideos;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CameraVisionSourceTest {
    @TempDir
    Path dir;

    @Test
    void aVisitorCrossingTheRoomIsSeenMovingLeftToRight() throws Exception {
        // 8 s of an empty grey room (long enough for a loaded machine to measure it still), then a bright
        // figure crossing from left to right in 2 s.
        Path video = TestVideos.write(dir.resolve("room.mp4"), 320, 180, 300, 30, (g, i) -> {
            g.setColor(new Color(60, 60, 60));
            g.fillRect(0, 0, 320, 180);
            if (i >= 240) {
                int x = 10 + (i - 240) * 4;
                g.setColor(Color.WHITE);
                g.fillRect(x, 50, 50, 100);
            }
        });
        SignalBus bus = new SignalBus();
        try (CameraFeed camera = CameraFeed.of("salle", new CameraSpec.VideoFile(video));
             CameraVisionSource vision = new CameraVisionSource(bus, camera, CameraVisionSource.Settings.defaults())) {
            vision.start();
            camera.start();
            SignalSample sample = new SignalSample();
            Signal motion = bus.signal("vision/salle/motion");
            Signal centroid = bus.signal("vision/salle/centroid");
            Signal presence = bus.signal("vision/salle/presence");

            Await.until(Await.GENEROUS, "motion measured", () -> motion.messages() > 5);
            motion.read(sample);
            assertTrue(sample.value(0) < 0.01, "an empty room is still: " + sample.value(0));

            List<Double> xs = new ArrayList<>();
            Await.until(Await.GENEROUS, () -> "the figure tracked across the room: " + xs, () -> {
                if (centroid.read(sample) && (xs.isEmpty() || sample.value(0) != xs.getLast())) {
                    xs.add(sample.value(0));
                }
                return xs.size() >= 6 && xs.getLast() > 0.55;
            });
            assertTrue(xs.getFirst() < 0.45, "starts on the left: " + xs);
            presence.read(sample);
            assertEquals(1.0, sample.value(0), "someone is present: foreground share over 2 %");
            motion.read(sample);
            assertTrue(sample.value(0) > 0.005, "motion while the figure moves: " + sample.value(0));
        }
    }
}
