package org.liquide.render;

/**
 * Supplies a layer's image on the render thread. {@link #update} polls for new content (a camera frame,
 * a generator result) and must never block or allocate in steady state.
 */
public interface LayerSource extends AutoCloseable {

    void update(FrameClock clock);

    LayerImage image();

    /** How present the source is, in [0,1]: a lost camera fades to 0 and back to 1 when it returns. */
    default float presence() {
        return 1f;
    }

    @Override
    void close();
}
