package org.liquide.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Camera ingest counts frames decoded and frames uploaded apart; what the slot overwrote is the difference. */
class IngestCountTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path work;

    @Test
    void decodedUploadedAndDroppedAreCountedApart() {
        // Frames 3 to 13 delivered over one second (11 frames, 10 intervals); 6 of them uploaded, the last
        // upload finished a quarter of a second after the last delivery.
        IngestCount count = new IngestCount(3, 2 * SECOND, 13, 3 * SECOND, 6, 3 * SECOND + SECOND / 4);
        assertEquals(11, count.decoded());
        assertEquals(6, count.uploaded());
        assertEquals(5, count.dropped());
        assertEquals(10, count.decodedPerSecond(), 1e-9);
        assertEquals(4, count.uploadedPerSecond(), 1e-9);
    }

    @Test
    void aRunWithoutUploadDropsNothingAndHasNoUploadRate() {
        IngestCount count = new IngestCount(1, 0, 31, SECOND / 2, 0, 0);
        assertEquals(31, count.decoded());
        assertEquals(0, count.dropped());
        assertEquals(60, count.decodedPerSecond(), 1e-9);
        assertTrue(Double.isNaN(count.uploadedPerSecond()));
    }

    @Test
    void moreUploadsThanFramesDecodedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IngestCount(1, 0, 10, SECOND, 11, SECOND));
    }

    @Test
    void theRealPathDecodesTheWholeFileAndUploadsWhatItTakes() throws Exception {
        BenchConfig config = BenchConfig.tiny(work);
        BenchVideos.Video video = BenchVideos.h264(work, config.ingestVideo(), config.ingestFrames());
        IngestCount count = GlThread.call("ingest-test", () -> IngestBench.withUpload(video));
        assertEquals(video.frames(), count.lastSequence(), "the run lasts until the file's last frame");
        assertEquals(video.frames() - count.firstSequence() + 1, count.decoded());
        assertTrue(count.uploaded() >= 2, count.toString());
        assertEquals(count.decoded(), count.uploaded() + count.dropped());
        // The uploads are a subset of the frames decoded, and end after the last decode.
        assertTrue(count.uploadedPerSecond() <= count.decodedPerSecond(), count.toString());
    }
}
