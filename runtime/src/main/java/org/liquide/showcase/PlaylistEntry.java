package org.liquide.showcase;

/** A scene of the playlist, how long it stays, and the crossfade into it. */
public record PlaylistEntry(String scene, double durationSeconds, double transitionSeconds) {
}
