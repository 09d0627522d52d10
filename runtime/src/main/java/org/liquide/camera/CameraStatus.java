package org.liquide.camera;

/** Where a camera stands. Transitions are logged once each. */
public enum CameraStatus {
    /** Opening for the first time. */
    CONNECTING,
    /** Delivering frames. */
    LIVE,
    /** Failed or silent; reconnecting with backoff, forever. */
    LOST,
    /** Closed on purpose (show asleep or shut down). */
    STOPPED
}
