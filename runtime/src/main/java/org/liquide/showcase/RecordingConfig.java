package org.liquide.showcase;

import java.nio.file.Path;

/**
 * The documentation journal and the privacy policy.
 *
 * @param snapshotEverySeconds periodic snapshots of the output (0: none)
 * @param includeCamera        let snapshots and recordings contain the raw camera layer (off by default:
 *                             visitors' images are never written to disk unless this says so)
 * @param includeMicrophone    let recordings carry the first audio input's sound mixed with the show's
 *                             (off by default: only what the show plays is recorded)
 */
public record RecordingConfig(Path journal, double snapshotEverySeconds, boolean includeCamera, boolean includeMicrophone) {
    /** Without the microphone. */
    public RecordingConfig(Path journal, double snapshotEverySeconds, boolean includeCamera) {
        this(journal, snapshotEverySeconds, includeCamera, false);
    }
}
