package org.liquide.show;

import org.liquide.render.OutputSettings;

/**
 * How a showcase is run from the command line.
 *
 * @param output     window or offscreen, frame limit (from the showcase's output, overridden by options)
 * @param rehearsal  simulated nodes are played by the panel's sliders instead of scripted visitors
 * @param panel      start the control panel (off for short offscreen runs such as tests and snapshots)
 * @param firstScene the scene to start with instead of the playlist's first
 * @param ignoreSchedule stay open whatever the opening hours say (rehearsals, tests)
 */
public record RunOptions(OutputSettings output, boolean rehearsal, boolean panel, java.util.Optional<String> firstScene,
                         boolean ignoreSchedule) {
}
