package org.liquide.frame;

import org.liquide.handoff.LatestSlot;

/** A latest-wins handoff of video frames between one producer and one consumer thread. */
public final class FrameSlot extends LatestSlot<VideoFrame> {
    public FrameSlot() {
        super(VideoFrame::new);
    }

    /** Frees the native memory of the frames. Call when both threads are done. */
    public void free() {
        forEachValue(VideoFrame::free);
    }
}
