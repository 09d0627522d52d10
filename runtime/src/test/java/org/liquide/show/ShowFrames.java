package org.liquide.show;

import org.liquide.hardware.testing.Await;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The show's composited picture read back, for tests that check what a 160x90 show puts on screen. */
final class ShowFrames {
    private static final Duration READBACK = Await.GENEROUS;

    private ShowFrames() {
    }

    /** The centre pixel of the next frame the render loop reads back, as 0xRRGGBB. */
    static int centre(ShowRuntime runtime) {
        AtomicReference<BufferedImage> frame = new AtomicReference<>();
        runtime.loop().requestReadback(frame::set);
        Await.until(READBACK, "a frame read back", () -> frame.get() != null);
        return frame.get().getRGB(80, 45) & 0xFFFFFF;
    }

    /** Waits until the centre pixel is {@code rgb}; the failure says the last colour seen. */
    static void awaitCentre(ShowRuntime runtime, int rgb, Duration within, String what) {
        int[] last = {-1};
        Await.until(within, () -> what + ": centre pixel #" + Integer.toHexString(last[0]), () -> (last[0] = centre(runtime)) == rgb);
    }
}
