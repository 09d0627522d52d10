package org.liquide.showcase;

import java.nio.file.Path;

/**
 * The documentation journal and the privacy policy.
 *
 * @param snapshotEverySeconds periodic snapshots of the output (0: none)
 * @param includeCamera        let snapshots and recordings contain the raw camera layer (off by default:
 *                             visitors' images are never written to disk unless this says so)
 */
public record RecordingConfig(Path journal, double snapshotEverySeconds, boolean includeCamera) {
}
