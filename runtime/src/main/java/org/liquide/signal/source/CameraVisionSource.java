package org.liquide.signal.source;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.Moments;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;
import org.liquide.camera.CameraFeed;
import org.liquide.frame.FrameMats;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.signal.SignalBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.locks.LockSupport;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.*;
import static org.bytedeco.opencv.global.opencv_video.createBackgroundSubtractorMOG2;

/**
 * Camera vision with OpenCV, so a show without sensor nodes still answers visitors. On its own thread,
 * at a modest rate on a small grey copy of the latest frame, it publishes:
 * {@code vision/<camera>/motion} (mean frame difference, 0–1), {@code .../centroid} (x, y of the
 * moving pixels, 0–1, top left origin; only while something moves), and with background subtraction
 * {@code .../foreground} (share of the picture that is not background) and {@code .../presence} (1 when
 * that share passes a threshold).
 */
public final class CameraVisionSource implements AutoCloseable {
    public static final String SOURCE = "vision";
    private static final Logger LOG = LoggerFactory.getLogger(CameraVisionSource.class);
    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    private static final double MOTION_PIXEL_THRESHOLD = 25;

    /** @param presenceShare foreground share above which someone counts as present */
    public record Settings(double ratePerSecond, boolean backgroundSubtraction, double presenceShare) {
        public static Settings defaults() {
            return new Settings(15, true, 0.02);
        }
    }

    private final SignalBus bus;
    private final CameraFeed camera;
    private final FrameSlot slot;
    private final Settings settings;
    private final String motionName;
    private final String centroidName;
    private final String foregroundName;
    private final String presenceName;
    private final double[] value = new double[2];
    private final Thread thread;
    private volatile boolean running = true;
    private FrameMats frameMats;
    private Mat gray;
    private Mat previous;
    private Mat difference;
    private Mat mask;
    private Mat foreground;
    private BackgroundSubtractorMOG2 background;

    public CameraVisionSource(SignalBus bus, CameraFeed camera, Settings settings) {
        this.bus = bus;
        this.camera = camera;
        this.slot = camera.subscribe();
        this.settings = settings;
        String prefix = "vision/" + camera.name() + "/";
        this.motionName = prefix + "motion";
        this.centroidName = prefix + "centroid";
        this.foregroundName = prefix + "foreground";
        this.presenceName = prefix + "presence";
        this.thread = Thread.ofPlatform().name("liquide-vision-" + camera.name()).daemon().unstarted(this::loop);
    }

    public CameraVisionSource start() {
        thread.start();
        return this;
    }

    private void loop() {
        long period = (long) (1e9 / settings.ratePerSecond());
        long next = System.nanoTime();
        frameMats = new FrameMats();
        gray = new Mat(HEIGHT, WIDTH, CV_8UC1);
        previous = new Mat();
        difference = new Mat();
        mask = new Mat();
        foreground = new Mat();
        if (settings.backgroundSubtraction()) {
            background = createBackgroundSubtractorMOG2(300, 16, false);
        }
        try {
            while (running) {
                VideoFrame frame = slot.takeLatest();
                if (frame != null) {
                    try {
                        analyse(frame);
                    } catch (RuntimeException e) {
                        bus.drop(SOURCE, "analysis-failed");
                        LOG.debug("vision analysis failed", e);
                    }
                }
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime();
                }
            }
        } finally {
            closeMats(); // the slot is given back by close(), once the camera no longer offers into it
        }
    }

    private void analyse(VideoFrame frame) {
        frameMats.gray(frame, WIDTH, HEIGHT, INTER_AREA, gray);
        GaussianBlur(gray, gray, new Size(5, 5), 0);
        if (!previous.empty()) {
            absdiff(gray, previous, difference);
            publish(motionName, mean(difference).get(0) / 255.0);
            threshold(difference, mask, MOTION_PIXEL_THRESHOLD, 255, THRESH_BINARY);
            Moments moments = moments(mask, true);
            if (moments.m00() > 4) {
                value[0] = moments.m10() / moments.m00() / WIDTH;
                value[1] = moments.m01() / moments.m00() / HEIGHT;
                bus.publish(SOURCE, centroidName, value, 2, System.currentTimeMillis());
            }
        }
        gray.copyTo(previous);
        if (background != null) {
            background.apply(gray, foreground);
            double share = (double) countNonZero(foreground) / (WIDTH * HEIGHT);
            publish(foregroundName, share);
            publish(presenceName, share > settings.presenceShare() ? 1 : 0);
        }
    }

    private void publish(String name, double v) {
        value[0] = v;
        bus.publish(SOURCE, name, value, 1, System.currentTimeMillis());
    }

    private void closeMats() {
        for (Mat m : new Mat[]{gray, previous, difference, mask, foreground}) {
            if (m != null) {
                m.close();
            }
        }
        if (background != null) {
            background.close();
        }
        if (frameMats != null) {
            frameMats.close();
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        camera.unsubscribe(slot, !thread.isAlive());
    }
}
