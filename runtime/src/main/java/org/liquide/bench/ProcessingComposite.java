package org.liquide.bench;

import org.liquide.camera.CameraFeed;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import processing.awt.PGraphicsJava2D;
import processing.core.PApplet;
import processing.core.PConstants;
import processing.core.PImage;

import java.nio.ByteBuffer;

/**
 * The anchor of the compositor benchmark: the same composite as {@link CompositeScene} written the way
 * a Processing sketch would, with Processing core's JAVA2D renderer into an offscreen PGraphics of the
 * same size. Each layer is an image drawn with {@code image()}, {@code tint()} and {@code blendMode()}:
 * the generated images crossfaded at 12 per second, the camera's newest frame screened at 70 %, and
 * the soft glow done as a sketch does it on the CPU (a copy shrunk to a quarter, a bright pass in a
 * pixel loop, {@code filter(BLUR)}, screened back tinted). Camera frames come from the same kind of
 * capture thread as Liquide's and are converted to a PImage in the sketch, as the video library does.
 * One thread, like a sketch's animation thread.
 */
final class ProcessingComposite implements AutoCloseable {
    private static final float THRESHOLD = 0.55f;
    private static final float INTENSITY = 1.3f;

    private final int width;
    private final int height;
    private final PGraphicsJava2D g;
    private final CameraFeed feed;
    private final FrameSlot slot;
    private final PImage[] stills;
    private final long periodNanos;
    private PImage camera;
    private PImage previous;
    private PImage current;
    private long start = Long.MIN_VALUE;
    private long shownIndex = -1;
    private long arrivalNanos;

    /** @param stills the generator's images (ARGB, square), shown in turn at 12 per second */
    ProcessingComposite(int width, int height, CameraFeed feed, int[][] stills, int stillSize) {
        this.width = width;
        this.height = height;
        this.feed = feed;
        this.slot = feed.subscribe();
        this.periodNanos = (long) (1e9 / CompositeScene.GENERATOR_IMAGES_PER_SECOND);
        this.stills = new PImage[stills.length];
        for (int i = 0; i < stills.length; i++) {
            PImage image = new PImage(stillSize, stillSize, PConstants.RGB);
            System.arraycopy(stills[i], 0, image.pixels, 0, stillSize * stillSize);
            image.updatePixels();
            this.stills[i] = image;
        }
        g = new PGraphicsJava2D();
        g.setParent(new PApplet());
        g.setPrimary(false);
        g.setSize(width, height);
    }

    /** Draws one frame; returns once it is complete in the PGraphics' image. */
    void drawFrame() {
        long now = System.nanoTime();
        if (start == Long.MIN_VALUE) {
            start = now;
        }
        long index = (now - start) / periodNanos;
        if (index != shownIndex) {
            previous = current == null ? stills[(int) (index % stills.length)] : current;
            current = stills[(int) (index % stills.length)];
            arrivalNanos = start + index * periodNanos;
            shownIndex = index;
        }
        float fade = Math.min(1f, (now - arrivalNanos) / (float) periodNanos);
        takeCameraFrame();

        g.beginDraw();
        g.blendMode(PConstants.BLEND);
        g.noTint();
        g.background(0);
        drawCovering(previous);
        g.tint(255, 255 * fade);
        drawCovering(current);
        if (camera != null) {
            g.blendMode(PConstants.SCREEN);
            g.tint(255, 255 * 0.7f);
            drawCovering(camera);
            g.blendMode(PConstants.BLEND);
        }
        g.noTint();
        glow();
        g.endDraw();
    }

    /** Like the video library's read(): the newest frame into the camera PImage. */
    private void takeCameraFrame() {
        VideoFrame frame = slot.takeLatest();
        if (frame == null) {
            return;
        }
        int w = frame.width();
        int h = frame.height();
        if (camera == null || camera.pixelWidth != w || camera.pixelHeight != h) {
            camera = new PImage(w, h, PConstants.RGB);
        }
        ByteBuffer bytes = frame.pixels();
        int stride = frame.strideBytes();
        int[] pixels = camera.pixels;
        for (int y = 0; y < h; y++) {
            int row = y * stride;
            int out = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x * 3;
                pixels[out + x] = 0xFF000000 | (bytes.get(i + 2) & 0xFF) << 16 | (bytes.get(i + 1) & 0xFF) << 8
                        | (bytes.get(i) & 0xFF);
            }
        }
        camera.updatePixels();
    }

    /** image() over the whole output, cropping the image to the output's aspect (Liquide's FILL). */
    private void drawCovering(PImage image) {
        float outputAspect = (float) width / height;
        float imageAspect = (float) image.width / image.height;
        int u1 = 0;
        int v1 = 0;
        int u2 = image.width;
        int v2 = image.height;
        if (imageAspect > outputAspect) {
            int kept = Math.round(image.height * outputAspect);
            u1 = (image.width - kept) / 2;
            u2 = u1 + kept;
        } else {
            int kept = Math.round(image.width / outputAspect);
            v1 = (image.height - kept) / 2;
            v2 = v1 + kept;
        }
        g.image(image, 0, 0, width, height, u1, v1, u2, v2);
    }

    /** The soft glow as a sketch writes it: quarter-size bright pass, blur, screened back in a tint. */
    private void glow() {
        PImage small = g.get();
        small.resize(Math.max(1, width / 4), Math.max(1, height / 4));
        small.loadPixels();
        int[] pixels = small.pixels;
        for (int i = 0; i < pixels.length; i++) {
            int c = pixels[i];
            float r = (c >> 16 & 0xFF) / 255f;
            float gr = (c >> 8 & 0xFF) / 255f;
            float b = (c & 0xFF) / 255f;
            float luma = 0.2126f * r + 0.7152f * gr + 0.0722f * b;
            float t = Math.max(0f, Math.min(1f, (luma - THRESHOLD) / 0.15f));
            float keep = t * t * (3 - 2 * t) * INTENSITY;
            pixels[i] = 0xFF000000 | channel(r * keep) << 16 | channel(gr * keep) << 8 | channel(b * keep);
        }
        small.updatePixels();
        small.filter(PConstants.BLUR, 6);
        g.blendMode(PConstants.SCREEN);
        g.tint(255, 209, 158);
        g.image(small, 0, 0, width, height);
        g.noTint();
        g.blendMode(PConstants.BLEND);
    }

    private static int channel(float value) {
        return Math.max(0, Math.min(255, (int) (value * 255 + 0.5f)));
    }

    /** The composited frame's ARGB pixels (loads them from the renderer). */
    int[] pixels() {
        g.loadPixels();
        return g.pixels;
    }

    @Override
    public void close() {
        feed.unsubscribe(slot);
        g.dispose();
    }
}
