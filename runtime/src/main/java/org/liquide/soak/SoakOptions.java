package org.liquide.soak;

import java.nio.file.Path;

/**
 * What the endurance run does.
 *
 * @param minutes       how long it runs
 * @param faultEvery    seconds between injected faults (they take turns: camera, broker, generator, shader)
 * @param sceneEvery    seconds each scene of the playlist stays (a hot reload of its scene file halfway)
 * @param warmUpSeconds the start, left out of the memory and stall verdicts (the JIT, first loads)
 * @param scenes        the scenes played (copied: the run edits its copies)
 * @param nodes         the sensor node files whose simulated visitors publish through the broker
 * @param reportFolder  where the samples, the faults, the report and its chart go
 */
public record SoakOptions(double minutes, double faultEvery, double sceneEvery, double warmUpSeconds, Path scenes,
                          Path nodes, Path reportFolder) {
    public SoakOptions {
        if (!(minutes > 0) || !(faultEvery >= 10) || !(sceneEvery >= 10) || !(warmUpSeconds >= 0)) {
            throw new IllegalArgumentException("minutes > 0, faults and scenes every 10 s or more, warm-up >= 0");
        }
    }
}
