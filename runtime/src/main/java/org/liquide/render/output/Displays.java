package org.liquide.render.output;

import org.liquide.render.gl.FrameReadback;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.GlContext;
import org.liquide.render.gl.GlfwWindowContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;

/**
 * The showcase's displays: each shows a region of the composited picture, corner-pinned, mesh-warped
 * and soft-edged, in its own window (the first one is the render loop's context; the others share its
 * textures) or, offscreen, in a framebuffer of its size. Corners dragged in the control panel arrive
 * through a small mailbox applied at the next frame. Render thread, except {@link #moveCorner},
 * {@link #requestReadback} and {@link #corners}.
 */
public final class Displays implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Displays.class);

    private record CornerMove(String display, int corner, double x, double y) {
    }

    private final class Output {
        final DisplaySetup setup;
        final Warp warp;
        final GlfwWindowContext window;
        final Framebuffer offscreen;
        final DisplayRenderer renderer;
        volatile double[][] corners;

        Output(DisplaySetup setup, GlfwWindowContext window, Framebuffer offscreen) {
            this.setup = setup;
            this.warp = setup.warp();
            this.window = window;
            this.offscreen = offscreen;
            this.renderer = new DisplayRenderer();
            this.corners = copyCorners(warp);
        }
    }

    private record ReadbackRequest(String display, Consumer<BufferedImage> callback) {
    }

    private final List<Output> outputs = new ArrayList<>();
    private final AtomicReference<ReadbackRequest> readback = new AtomicReference<>();
    private final ArrayBlockingQueue<CornerMove> moves = new ArrayBlockingQueue<>(64);
    private final boolean windows;

    /**
     * Opens the displays: the first in {@code primary} when it is a window, the others in windows sharing
     * it; all offscreen when {@code primary} is offscreen.
     */
    public Displays(List<DisplaySetup> setups, GlContext primary) {
        this.windows = primary instanceof GlfwWindowContext;
        for (int i = 0; i < setups.size(); i++) {
            DisplaySetup setup = setups.get(i);
            if (primary instanceof GlfwWindowContext window) {
                // A new window's context is current once it is open: its renderer (vertex array) is made in it.
                GlfwWindowContext own = i == 0 ? window : GlfwWindowContext.createShared(new GlfwWindowContext.WindowSpec(
                        "Liquide " + setup.name(), setup.width(), setup.height(), setup.fullscreen(), setup.monitor()), window);
                if (i > 0) {
                    LOG.info("display {}: {}", setup.name(), own.description());
                }
                outputs.add(new Output(setup, own, null));
            } else {
                outputs.add(new Output(setup, null, new Framebuffer(setup.width(), setup.height())));
                LOG.info("display {}: offscreen {}x{}", setup.name(), setup.width(), setup.height());
            }
        }
        if (primary instanceof GlfwWindowContext window) {
            window.makeCurrent();
        }
    }

    /** Asks to move a corner (0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left) of a display. Any thread. */
    public void moveCorner(String display, int corner, double x, double y) {
        if (outputs.stream().noneMatch(o -> o.setup.name().equals(display))) {
            throw new IllegalArgumentException("no display named '" + display + "'");
        }
        if (corner < 0 || corner > 3 || !Double.isFinite(x) || !Double.isFinite(y) || x < -1 || x > 2 || y < -1 || y > 2) {
            throw new IllegalArgumentException("a corner is 0 to 3, at x and y between -1 and 2");
        }
        Output output = outputs.stream().filter(o -> o.setup.name().equals(display)).findFirst().orElseThrow();
        Warp.pinned(output.corners).setCorner(corner, x, y);
        if (!moves.offer(new CornerMove(display, corner, x, y))) {
            throw new IllegalStateException("too many corner moves waiting; try again");
        }
    }

    /**
     * Reads one display's picture, as warped and soft-edged, at the next frame; the callback runs on the
     * render thread and must hand the image on. Any thread.
     */
    public void requestReadback(String display, Consumer<BufferedImage> callback) {
        if (outputs.stream().noneMatch(o -> o.setup.name().equals(display))) {
            throw new IllegalArgumentException("no display named '" + display + "'");
        }
        readback.set(new ReadbackRequest(display, callback));
    }

    /** The current corners of each display, by name. Any thread. */
    public java.util.Map<String, double[][]> corners() {
        java.util.Map<String, double[][]> all = new java.util.LinkedHashMap<>();
        for (Output output : outputs) {
            all.put(output.setup.name(), output.corners);
        }
        return all;
    }

    public List<DisplaySetup> setups() {
        return outputs.stream().map(o -> o.setup).toList();
    }

    /** Draws every display from the composited picture and shows the windows. Render thread. */
    public void present(Framebuffer picture) {
        CornerMove move;
        while ((move = moves.poll()) != null) {
            apply(move);
        }
        ReadbackRequest request = readback.getAndSet(null);
        for (int i = 0; i < outputs.size(); i++) {
            Output output = outputs.get(i);
            int width = output.window != null ? output.window.surfaceWidth() : output.setup.width();
            int height = output.window != null ? output.window.surfaceHeight() : output.setup.height();
            if (output.window != null) {
                output.window.makeCurrent();
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
            } else {
                output.offscreen.bindForDrawing();
            }
            output.renderer.draw(picture.color(), output.setup.region(), output.warp, output.setup.softEdge(), width, height);
            if (request != null && request.display().equals(output.setup.name())) {
                request.callback().accept(FrameReadback.read(output.window != null ? 0 : output.offscreen.id(), width, height));
            }
            if (output.window != null && i > 0) {
                output.window.swap();
            }
        }
        if (windows && !outputs.isEmpty()) {
            GlfwWindowContext primary = outputs.getFirst().window;
            primary.makeCurrent();
            primary.present();
        } else {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
        }
    }

    private void apply(CornerMove move) {
        for (Output output : outputs) {
            if (output.setup.name().equals(move.display())) {
                try {
                    output.warp.setCorner(move.corner(), move.x(), move.y());
                    output.corners = copyCorners(output.warp);
                } catch (IllegalArgumentException e) {
                    LOG.warn("display {}: corner {} not moved: {}", move.display(), move.corner(), e.getMessage());
                }
            }
        }
    }

    private static double[][] copyCorners(Warp warp) {
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            corners[i] = new double[]{warp.cornerX(i), warp.cornerY(i)};
        }
        return corners;
    }


    @Override
    public void close() {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            Output output = outputs.get(i);
            if (output.window != null) {
                output.window.makeCurrent();
            }
            output.renderer.close();
            if (output.offscreen != null) {
                output.offscreen.close();
            }
            if (output.window != null && i > 0) {
                output.window.closeWindow();
            }
        }
        if (windows && !outputs.isEmpty()) {
            outputs.getFirst().window.makeCurrent();
        }
    }
}
