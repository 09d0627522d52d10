package org.liquide.render.readback;

import java.util.Optional;

/**
 * Recent frames of each output as JPEG, for the control panel's live preview. Encoded off the render
 * thread a few times per second; reading never waits for the renderer.
 */
public interface PreviewFrames {

    /** The latest JPEG of an output, if one was encoded yet. */
    Optional<byte[]> latestJpeg(String output);

    /** Increases each time a new JPEG of this output is ready (for ETag-like polling). */
    long version(String output);
}
