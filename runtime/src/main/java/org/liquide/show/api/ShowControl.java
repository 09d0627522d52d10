package org.liquide.show.api;

import org.liquide.record.JournalEntry;
import org.liquide.show.status.ShowStatus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What technicians and show-control systems can ask of a running show: the control panel, its JSON
 * API, OSC and the broker's show topics all go through this. Every method returns at once (commands
 * reach the render thread through a mailbox it empties each frame) and may be called from any thread.
 */
public interface ShowControl {

    /** A consistent snapshot of everything the panel shows. */
    ShowStatus status();

    /** The scenes that can be switched to, in playlist order first. */
    List<String> scenes();

    /** Crossfades to a scene; throws {@link IllegalArgumentException} naming the known scenes if unknown. */
    void switchScene(String name);

    /** Moves to the next scene of the playlist. */
    void next();

    /** Fades the outputs to black (true) or back (false). */
    void blackout(boolean on);

    /** Black output, generators stopped, cameras closed, GPU idle, until {@link #wake()}. */
    void sleep();

    void wake();

    /** Reloads the configuration and scenes from disk; an invalid edit keeps the running version. */
    void reload();

    /** Writes the next composited frame (following the privacy policy) to the journal; completes with its path. */
    CompletableFuture<Path> snapshot();

    /**
     * Starts recording the output to an H.264 MP4 in the journal (without the live camera unless the
     * configuration allows it); completes with the file. Refused (IllegalStateException) while recording.
     */
    Path startRecording();

    /** Stops the recording and finishes its file; returns it, or throws IllegalStateException when none runs. */
    Path stopRecording();

    /** The journal's entries of one day (local to the showcase's time zone), oldest first. */
    List<JournalEntry> journal(LocalDate day);

    /** The showcase's time zone, in which the journal counts its days (not the machine's). */
    java.time.ZoneId journalZone();

    /**
     * A file of the journal (a snapshot, a diff, a recording) by its path relative to the journal, as the
     * entries name it; empty for anything outside the journal or missing.
     */
    Optional<Path> journalFile(String relativePath);

    /** Restarts a layer's generator worker (by layer name, or "all"). */
    void restartGenerator(String layer);

    /** Moves one corner (0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left) of a display's corner pin, in [0,1]² of the output. */
    void setWarpCorner(String display, int corner, double x, double y);

    /** MIDI learn, when the showcase has MIDI controllers. */
    default Optional<org.liquide.midi.MidiLearn> midiLearn() {
        return Optional.empty();
    }

    /** In rehearsal mode, plays a simulated sensor value (the panel's sliders); false when not rehearsing or unknown. */
    boolean setSimulatedSignal(String signal, double value);
}
