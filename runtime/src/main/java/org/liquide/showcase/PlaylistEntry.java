package org.liquide.showcase;

/**
 * A scene of the playlist, how long it stays, and the crossfade into it.
 *
 * @param transitionSeconds the crossfade into this entry; NaN for the scene's own ({@code transition:} in its file)
 */
public record PlaylistEntry(String scene, double durationSeconds, double transitionSeconds) {
}
