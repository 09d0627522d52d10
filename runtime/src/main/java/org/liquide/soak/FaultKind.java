package org.liquide.soak;

/** The faults the endurance run injects, in turn. */
enum FaultKind {
    /** The network camera cut for a while, then back. */
    CAMERA,
    /** The MQTT broker killed (SIGKILL), then restarted on the same port. */
    BROKER,
    /** The models of the scene shown fail at their next image. */
    GENERATOR,
    /** A shader of the scene shown edited so that it does not compile, then put back. */
    SHADER;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
