package org.liquide.scene.model;

import java.util.Optional;

/**
 * What the scene does when nobody is there: after {@code afterSeconds} with the presence signal low
 * (or stale), the show switches to the attract scene, and back when someone comes.
 */
public record IdleBehaviour(String presenceSignal, double afterSeconds, Optional<String> attractScene) {
}
