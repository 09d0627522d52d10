package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.liquide.frame.PixelFormat;
import org.liquide.render.layer.StillImageSource;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A frame limit counts the frames with something on stage: a show whose first scene takes a while to be
 * prepared still stops on a frame of that scene (what `liquide demo --frames N --snapshot` writes).
 */
class FrameLimitTest {
    /** Black for its first {@code emptyFrames} frames (nothing on stage), then a white still. */
    private static final class LateContent implements FrameContent {
        private final int emptyFrames;
        private final LayerStack empty = new LayerStack(List.of(), List.of());
        private final LayerStack white = new LayerStack(List.of(new Layer("white", new StillImageSource(
                TestFrames.make(16, 9, PixelFormat.RGB24, (x, y) -> new int[]{255, 255, 255, 255})), new LayerStyle())), List.of());
        private int frames;

        LateContent(int emptyFrames) {
            this.emptyFrames = emptyFrames;
        }

        @Override
        public org.liquide.render.gl.Framebuffer render(FrameClock clock, Compositor compositor) {
            frames++;
            return (frames <= emptyFrames ? empty : white).render(clock, compositor);
        }

        @Override
        public boolean showing() {
            return frames > emptyFrames;
        }

        @Override
        public void close() {
            empty.close();
            white.close();
        }
    }

    @Test
    void framesBeforeAnythingIsOnStageDoNotCount() throws Exception {
        RenderLoop loop = new RenderLoop(OutputSettings.defaults().withSize(32, 18).withHeadless(true).withMaxFrames(3),
                (w, h) -> new LateContent(20));
        loop.keepLastFrame().start();
        assertTrue(loop.awaitFinished(60, TimeUnit.SECONDS), "the loop stopped");
        assertNull(loop.failure());
        assertEquals(23, loop.framesRendered(), "20 frames with nothing on stage, then 3");
        BufferedImage last = loop.lastFrame();
        assertEquals(0xFFFFFF, last.getRGB(16, 9) & 0xFFFFFF, "the last frame shows the stage");
    }
}
