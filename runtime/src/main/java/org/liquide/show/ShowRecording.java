package org.liquide.show;

import org.liquide.frame.FrameSlot;
import org.liquide.record.Journal;
import org.liquide.record.JournalEntry;
import org.liquide.record.VideoRecorder;
import org.liquide.sound.input.AudioInput;
import org.liquide.sound.output.AudioOutput;
import org.liquide.sound.output.MixTap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The show's output recorded to an MP4 in the journal, one recording at a time: started and stopped by the
 * operator, stopped by the show's close. Each start and finished file is an entry of the journal. The sound is
 * the show's output mix as the room hears it; the first audio input (the room's microphone) is mixed in only
 * where the showcase's {@code recording: include_microphone} says so.
 */
final class ShowRecording implements AutoCloseable {
    private final Journal journal;
    private final ShowFrameContent content;
    private final Supplier<String> scene;
    private final AudioOutput output;
    private final AudioInput microphone;
    private VideoRecorder recorder;

    /**
     * @param output     the show's sound, or null when it is silent
     * @param microphone the input recordings may carry (the showcase allows it), or null
     */
    ShowRecording(Journal journal, ShowFrameContent content, Supplier<String> scene, AudioOutput output, AudioInput microphone) {
        this.journal = journal;
        this.content = content;
        this.scene = scene;
        this.output = output;
        this.microphone = output == null ? null : microphone;
    }

    synchronized Path start() {
        if (recorder != null) {
            throw new IllegalStateException("already recording " + recorder.file());
        }
        try {
            String current = scene.get();
            Path file = journal.pathFor("recordings", Instant.now(), current.isEmpty() ? "show" : current, "mp4");
            FrameSlot frames = new FrameSlot();
            MixTap sound = output == null ? null : new MixTap(1);
            MixTap room = microphone == null ? null : new MixTap(1);
            recorder = new VideoRecorder(file, frames, ShowFrameContent.RECORDING_FPS, sound, room).start();
            if (output != null) {
                output.tap(sound);
            }
            if (microphone != null) {
                microphone.record(room);
            }
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
        if (output != null) {
            output.tap(null);
        }
        if (microphone != null) {
            microphone.record(null);
        }
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
