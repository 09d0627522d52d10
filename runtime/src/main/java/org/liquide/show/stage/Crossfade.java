package org.liquide.show.stage;

import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.Layer;
import org.liquide.render.LayerStyle;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.layer.FramebufferSource;

/**
 * The stage's picture from its scenes' frames: the incoming scene over the outgoing one, mixed along a
 * smoothstep of the transition's progress, both dimmed by the blackout level. Both of the stage's render
 * paths (the picture on screen, the picture without visitors) draw through it. Render thread; no
 * allocation.
 */
final class Crossfade {
    private final FramebufferSource incomingSource = new FramebufferSource();
    private final FramebufferSource outgoingSource = new FramebufferSource();
    private final LayerStyle incomingStyle = new LayerStyle();
    private final LayerStyle outgoingStyle = new LayerStyle();
    private final Layer[] layers = {new Layer("outgoing", outgoingSource, outgoingStyle),
            new Layer("incoming", incomingSource, incomingStyle)};

    /**
     * @param outgoing the previous scene's frame, or null when no transition is running
     * @param progress how far the transition is, 0 to 1 (more counts as 1)
     * @param blackout 0 visible, 1 black
     */
    Framebuffer draw(Compositor compositor, FrameClock clock, Framebuffer incoming, Framebuffer outgoing,
                     double progress, double blackout) {
        float visible = (float) (1 - blackout);
        incomingSource.show(incoming);
        outgoingSource.show(outgoing);
        outgoingStyle.opacity(outgoing == null ? 0 : visible);
        incomingStyle.opacity(outgoing == null ? visible : (float) (visible * smooth(Math.min(1, progress))));
        return compositor.render(layers, layers.length, clock);
    }

    /** Nothing on stage: black. */
    Framebuffer black(Compositor compositor, FrameClock clock) {
        return compositor.render(layers, 0, clock);
    }

    /** How much of the incoming scene shows at a transition's progress: eased at both ends. */
    static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
