package org.liquide.bench;

import org.liquide.camera.CameraSources;
import org.liquide.camera.CameraSpec;
import org.liquide.camera.FrameSource;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.LayerImage;
import org.liquide.render.generated.LatentDrift;
import org.liquide.render.generated.Palette;
import org.liquide.render.generated.ProceduralGenerator;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.Texture2D;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.lwjgl.opengl.GL11C.*;

/**
 * The demo's generated layer played offline, image by image on a fixed clock: the procedural generator at
 * 12 images/s, fed by the synthetic visitors' camera at 30 fps, with the latent drift the demo scene sets.
 * A twin generator with no camera mix runs beside it, so what the visitors change is their difference.
 */
final class GeneratorLook {
    static final double IMAGES_PER_SECOND = 12;
    static final double CAMERA_FPS = 30;

    /** Images of both generators at the times asked, and the camera's frames then. */
    record Run(List<BufferedImage> steered, List<BufferedImage> still, List<BufferedImage> camera, List<Double> seconds) {
    }

    private GeneratorLook() {
    }

    /**
     * Plays {@code untilSeconds} of the demo's generated layer at {@code width}x{@code height}, keeping the
     * images at {@code keepAtSeconds} (each taken at the first image at or after it).
     */
    static Run play(int width, int height, Palette palette, float cameraMix, double untilSeconds, double... keepAtSeconds)
            throws Exception {
        return GlThread.call("look", () -> {
            GenerationParams steeredParams = new GenerationParams().cameraMix(cameraMix);
            GenerationParams stillParams = new GenerationParams().cameraMix(0f);
            LatentDrift steeredDrift = new LatentDrift(steeredParams, 0.8);
            LatentDrift stillDrift = new LatentDrift(stillParams, 0.8);
            FrameClock clock = new FrameClock();
            FrameSource visitors = CameraSources.forSpec(new CameraSpec.Visitors(width, height, CAMERA_FPS, CameraSpec.Visitors.DEFAULT.seed()));
            VideoFrame frame = new VideoFrame();
            LayerImage cameraImage = new LayerImage();
            Run run = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            long period = (long) (1e9 / IMAGES_PER_SECOND);
            long cameraFrames = 0;
            try (Texture2D cameraTexture = new Texture2D();
                 Framebuffer steeredTarget = new Framebuffer(width, height);
                 Framebuffer stillTarget = new Framebuffer(width, height);
                 ProceduralGenerator steered = new ProceduralGenerator(width, height, IMAGES_PER_SECOND, steeredParams, cameraImage, palette);
                 ProceduralGenerator still = new ProceduralGenerator(width, height, IMAGES_PER_SECOND, stillParams, cameraImage, palette)) {
                visitors.open();
                int next = 0;
                for (long i = 0; next < keepAtSeconds.length && i * period <= untilSeconds * 1e9; i++) {
                    long now = 1_000_000_000L + i * period;
                    double seconds = i / IMAGES_PER_SECOND;
                    while (cameraFrames / CAMERA_FPS <= seconds) {
                        visitors.grab(frame);
                        cameraFrames++;
                    }
                    upload(frame, cameraTexture);
                    cameraImage.set(cameraTexture, cameraTexture, 1f, frame.format(), true);
                    clock.advance(now);
                    steeredDrift.beforeFrame(clock);
                    stillDrift.beforeFrame(clock);
                    steered.poll(clock, steeredTarget.color());
                    still.poll(clock, stillTarget.color());
                    if (seconds + 1e-9 >= keepAtSeconds[next]) {
                        run.steered().add(FrameReadback.read(steeredTarget));
                        run.still().add(FrameReadback.read(stillTarget));
                        run.camera().add(cameraPicture(frame));
                        run.seconds().add(seconds);
                        next++;
                    }
                }
            } finally {
                visitors.close();
                frame.free();
            }
            return run;
        });
    }

    private static void upload(VideoFrame frame, Texture2D texture) {
        texture.ensureStorage(frame.width(), frame.height(), GL_RGB8);
        glBindTexture(GL_TEXTURE_2D, texture.id());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, frame.width(), frame.height(), GL_RGB, GL_UNSIGNED_BYTE, frame.pixels());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    }

    /** The camera frame (BGR, top row first) as an image. */
    private static BufferedImage cameraPicture(VideoFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        ByteBuffer pixels = frame.pixels();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int i = (y * frame.width() + x) * 3;
                image.setRGB(x, y, (pixels.get(i + 2) & 0xFF) << 16 | (pixels.get(i + 1) & 0xFF) << 8 | pixels.get(i) & 0xFF);
            }
        }
        return image;
    }
}
