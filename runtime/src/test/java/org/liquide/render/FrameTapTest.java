package org.liquide.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.layer.StillImageSource;
import org.liquide.testing.SteadyStateAllocation;
import org.liquide.render.readback.FrameImages;
import org.liquide.render.readback.FrameTap;
import org.liquide.render.readback.JpegPreviews;
import org.liquide.hardware.testing.Await;
import org.liquide.testing.OffscreenGl;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(OffscreenGl.class)
class FrameTapTest {
    @Test
    void tappedFramesArriveScaledDownWithTheirContentAndBecomeJpegPreviews() throws Exception {
        try (Compositor compositor = new Compositor(320, 180);
             LayerStack stack = new LayerStack(List.of(new Layer("still", new StillImageSource(
                     TestFrames.make(320, 180, PixelFormat.RGB24, (x, y) -> x < 160 ? new int[]{255, 0, 0, 255} : new int[]{0, 0, 255, 255})),
                     new LayerStyle())), List.of());
             FrameTap tap = new FrameTap(160, 90, 0);
             JpegPreviews previews = new JpegPreviews(0.8f)) {
            FrameClock clock = new FrameClock();
            VideoFrame tapped = null;
            for (int i = 0; i < 20 && tapped == null; i++) {
                clock.advance(System.nanoTime());
                Framebuffer frame = stack.render(clock, compositor);
                tap.frame(frame, clock.nowNanos());
                org.lwjgl.opengl.GL11C.glFinish();
                tapped = tap.slot().takeLatest();
            }
            assertNotNull(tapped, "a tapped frame within 20 frames");
            assertEquals(160, tapped.width());
            BufferedImage image = FrameImages.toImage(tapped, null);
            assertEquals(0xFF0000, image.getRGB(20, 45) & 0xFFFFFF, "left half red");
            assertEquals(0x0000FF, image.getRGB(140, 45) & 0xFFFFFF, "right half blue");

            previews.addOutput("main", tap.slot());
            previews.start();
            for (int i = 0; i < 3; i++) {
                clock.advance(System.nanoTime());
                tap.frame(stack.render(clock, compositor), clock.nowNanos());
                org.lwjgl.opengl.GL11C.glFinish();
            }
            clock.advance(System.nanoTime());
            tap.frame(stack.render(clock, compositor), clock.nowNanos());
            Await.until(Await.GENEROUS, "a JPEG preview", () -> previews.latestJpeg("main").isPresent());
            BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(previews.latestJpeg("main").orElseThrow()));
            assertEquals(160, jpeg.getWidth());
            assertTrue((jpeg.getRGB(20, 45) >> 16 & 0xFF) > 200, "red survives JPEG");
            assertTrue(previews.version("main") >= 1);
            assertTrue(previews.latestJpeg("other").isEmpty());
        }
    }

    @Test
    void aDisplayIsPreviewedWithThePictureItShowsAPartOf() {
        FrameSlot slot = new FrameSlot();
        try (JpegPreviews previews = new JpegPreviews(0.8f)) {
            previews.addOutput("main", slot);
            previews.addAlias("mur", "main");
            previews.start();
            VideoFrame frame = slot.writable();
            ByteBuffer pixels = frame.reshape(8, 8, 32, PixelFormat.RGBA32);
            for (int i = 0; i < 64; i++) {
                pixels.put(i * 4, (byte) 200).put(i * 4 + 3, (byte) 255);
            }
            slot.publish();
            Await.until(Await.GENEROUS, "the preview encoded", () -> previews.version("main") >= 1);
            assertEquals(previews.version("main"), previews.version("mur"));
            assertArrayEquals(previews.latestJpeg("main").orElseThrow(), previews.latestJpeg("mur").orElseThrow());
            assertTrue(previews.latestJpeg("plafond").isEmpty(), "an unknown output has no preview");
        }
    }

    @Test
    void previewsAreWatchedOnlyOnceSomeoneAsksForThem() {
        try (JpegPreviews previews = new JpegPreviews(0.8f)) {
            assertFalse(previews.watched(), "nobody asked: no preview is tapped or encoded");
            previews.version("main");
            assertTrue(previews.watched(), "the panel asked: previews are made for a while");
        }
    }

    @Test
    void tappingAtARateAllocatesNothingOnTheRenderThread() {
        SteadyStateAllocation allocation = new SteadyStateAllocation(100);
        try (Compositor compositor = new Compositor(160, 90);
             LayerStack stack = new LayerStack(List.of(new Layer("still", new StillImageSource(
                     TestFrames.make(160, 90, PixelFormat.RGB24, (x, y) -> TestFrames.gradient(x, y, 160, 90))),
                     new LayerStyle())), List.of());
             FrameTap tap = new FrameTap(80, 45, 0)) {
            FrameClock clock = new FrameClock();
            for (int i = 0; !allocation.done(); i++) {
                allocation.frame(i);
                clock.advance(System.nanoTime());
                tap.frame(stack.render(clock, compositor), clock.nowNanos());
                tap.slot().takeLatest();
            }
            allocation.assertNonePerFrame("tapping frames");
        }
    }
}
