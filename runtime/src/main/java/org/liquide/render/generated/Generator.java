package org.liquide.render.generated;

import org.liquide.frame.PixelFormat;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.Texture2D;

/**
 * What feeds the generated layer, polled once per frame on the render thread. A generator produces
 * images at its own pace (often 5–15 per second); {@link #poll} only hands over an image that is
 * already there and never waits for one.
 */
public sealed interface Generator extends AutoCloseable permits ProceduralGenerator, WorkerGenerator {

    /** For logs and the status page. */
    String name();

    /** Writes the newest image into {@code target} if one is ready since the last call; returns whether it did. */
    boolean poll(FrameClock clock, Texture2D target);

    /** Layout of the texels written into the target. */
    PixelFormat format();

    /** True when images were uploaded from memory (row 0 at the top), false when drawn by GL. */
    boolean topRowFirst();

    @Override
    void close();
}
