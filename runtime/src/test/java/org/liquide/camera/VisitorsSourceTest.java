package org.liquide.camera;

import org.junit.jupiter.api.Test;
import org.liquide.frame.VideoFrame;
import org.liquide.hardware.sim.visitor.ScriptedVisitors;
import org.liquide.hardware.sim.visitor.VisitorScript;
import org.liquide.hardware.time.ManualNanoClock;
import org.liquide.testing.GoldenImages;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import static org.junit.jupiter.api.Assertions.*;

class VisitorsSourceTest {
    private static final CameraSpec.Visitors SPEC = new CameraSpec.Visitors(480, 270, 30, 2027);

    @Test
    void theFiguresAreAsNearAsTheSimulatedSensorsSayAndGoneWhenTheySayNobody() {
        VisitorsSource source = new VisitorsSource(SPEC);
        byte[] room = VisitorsSource.Backdrop.draw(SPEC.width(), SPEC.height(), SPEC.seed());
        ManualNanoClock clock = new ManualNanoClock();
        ScriptedVisitors sensors = new ScriptedVisitors(VisitorScript.random(SPEC.seed()), clock);
        int empty = 0;
        int near = 0;
        int far = 0;
        for (long millis = 0; millis < 70_000; millis += 250) {
            double distance = sensors.distanceMillimetres("distance");
            boolean someone = sensors.motion("presence");
            source.draw(millis);
            double covered = coveredShare(source.pixels(), room);
            if (!someone) {
                assertEquals(0, covered, "nobody at " + millis + " ms, and nobody in the picture");
                empty++;
            } else if (distance < 900) {
                assertTrue(covered > 0.12, "someone " + (int) distance + " mm away at " + millis + " ms covers " + covered);
                near++;
            } else if (distance > 3800 && VisitorScript.random(SPEC.seed()).presentAt(millis).size() == 1) {
                assertTrue(covered > 0.001 && covered < 0.08, "someone " + (int) distance + " mm away at " + millis + " ms covers " + covered);
                far++;
            }
            clock.advanceMillis(250);
        }
        assertTrue(empty > 10 && near > 10 && far > 2, "moments seen: empty " + empty + ", near " + near + ", far " + far);
    }

    @Test
    void framesFollowTheSeedAndTheRateAndCarryNoCalibrationMarks() throws Exception {
        VideoFrame frame = new VideoFrame();
        try {
            VisitorsSource source = new VisitorsSource(SPEC);
            source.open();
            for (int i = 0; i <= 150; i++) { // five seconds at 30 fps: the first visitor is in the room
                assertTrue(source.grab(frame));
            }
            VisitorsSource again = new VisitorsSource(SPEC);
            again.draw(5_000);
            byte[] grabbed = new byte[again.pixels().length];
            frame.pixels().get(0, grabbed);
            assertArrayEquals(again.pixels(), grabbed, "frame 150 at 30 fps is the room at 5 s");
            assertEquals(SPEC.width(), frame.width());
            assertEquals(SPEC.height(), frame.height());
        } finally {
            frame.free();
        }
    }

    @Test
    void aVisitorCloseLooksAsItDid() throws Exception {
        VisitorsSource source = new VisitorsSource(SPEC);
        source.draw(6_000);
        GoldenImages.assertMatches("visitors-close", image(source.pixels()), 3, 0.02);
        source.draw(2_500);
        GoldenImages.assertMatches("visitors-walking-in", image(source.pixels()), 3, 0.02);
    }

    private static BufferedImage image(byte[] bgr) {
        BufferedImage image = new BufferedImage(SPEC.width(), SPEC.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, target, 0, target.length);
        return image;
    }

    /** The share of pixels more than 12 levels away from the empty room in some channel. */
    private static double coveredShare(byte[] frame, byte[] room) {
        long covered = 0;
        for (int i = 0; i < frame.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs((frame[i + c] & 0xFF) - (room[i + c] & 0xFF)) > 12) {
                    covered++;
                    break;
                }
            }
        }
        return (double) covered / (frame.length / 3);
    }
}
