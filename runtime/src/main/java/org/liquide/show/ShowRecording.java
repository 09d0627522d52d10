package org.liquide.show;

import org.liquide.frame.FrameSlot;
import org.liquide.record.Journal;
import org.liquide.record.JournalEntry;
import org.liquide.record.VideoRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The show's output recorded to an MP4 in the journal, one recording at a time: started and stopped by the
 * operator, stopped by the show's close. Each start and finished file is an entry of the journal.
 */
final class ShowRecording implements AutoCloseable {
    private final Journal journal;
    private final ShowFrameContent content;
    private final Supplier<String> scene;
    private VideoRecorder recorder;

    ShowRecording(Journal journal, ShowFrameContent content, Supplier<String> scene) {
        this.journal = journal;
        this.content = content;
        this.scene = scene;
    }

    synchronized Path start() {
        if (recorder != null) {
            throw new IllegalStateException("already recording " + recorder.file());
        }
        try {
            String current = scene.get();
            Path file = journal.pathFor("recordings", Instant.now(), current.isEmpty() ? "show" : current, "mp4");
            FrameSlot frames = new FrameSlot();
            recorder = new VideoRecorder(file, frames, ShowFrameContent.RECORDING_FPS).start();
            content.record(frames);
            journal.append(new JournalEntry(Instant.now(), "recording-started", journal.relative(file), Map.of("scene", scene.get())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Path stop() {
        if (recorder == null) {
            throw new IllegalStateException("not recording");
        }
        VideoRecorder finished = recorder;
        recorder = null;
        content.record(null);
        finished.close();
        journal.append(new JournalEntry(Instant.now(), "recording", journal.relative(finished.file()),
                Map.of("frames", finished.framesWritten())));
        return finished.file();
    }

    /** Finishes the recording in progress, if any. */
    @Override
    public synchronized void close() {
        if (recorder != null) {
            stop();
        }
    }
}
