package org.liquide.show.sync;

/** What one runtime of a showcase asks the others to do. */
public sealed interface ShowCommand {
    /** @param transitionSeconds the crossfade; NaN for the scene's own */
    record SwitchScene(String scene, double transitionSeconds) implements ShowCommand {
    }

    record Blackout(boolean on) implements ShowCommand {
    }

    record Sleep() implements ShowCommand {
    }

    record Wake() implements ShowCommand {
    }
}
