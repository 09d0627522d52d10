package org.liquide.bench;

/**
 * What one ingest run counted, from the first frame the reading thread saw: frames decoded (delivered by
 * the capture thread into the latest-wins slot), frames uploaded (taken from the slot and uploaded), and
 * the frames in between that the slot overwrote before anyone took them (dropped).
 *
 * @param firstSequence     the capture sequence number of the first frame seen
 * @param firstNanos        when that frame was delivered (its capture time)
 * @param lastSequence      the sequence number of the last frame delivered
 * @param lastDecodedNanos  when the last frame was delivered
 * @param uploaded          frames uploaded, the first one included (0 for a run without upload)
 * @param lastUploadedNanos when the last upload was finished ({@code glFinish}); 0 without upload
 */
record IngestCount(long firstSequence, long firstNanos, long lastSequence, long lastDecodedNanos,
                   long uploaded, long lastUploadedNanos) {

    IngestCount {
        if (lastSequence < firstSequence || uploaded < 0 || uploaded > lastSequence - firstSequence + 1) {
            throw new IllegalArgumentException("inconsistent ingest count: frames " + firstSequence + "–" + lastSequence
                    + ", " + uploaded + " uploaded");
        }
    }

    /** Frames decoded from the first one seen to the last one delivered, both included. */
    long decoded() {
        return lastSequence - firstSequence + 1;
    }

    /** Frames decoded that were never uploaded: the latest-wins slot overwrote them (0 without upload). */
    long dropped() {
        return uploaded == 0 ? 0 : decoded() - uploaded;
    }

    /** Frames decoded per second: the intervals between the first and the last delivery. */
    double decodedPerSecond() {
        return (lastSequence - firstSequence) / ((lastDecodedNanos - firstNanos) / 1e9);
    }

    /** Frames uploaded per second, from the first delivery to the last upload finished; NaN without upload. */
    double uploadedPerSecond() {
        if (uploaded < 2) {
            return Double.NaN;
        }
        return (uploaded - 1) / ((lastUploadedNanos - firstNanos) / 1e9);
    }
}
