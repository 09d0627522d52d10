package org.liquide.sound;

import java.nio.file.Path;
import java.util.List;


/**
 * A scene's soundtrack, its {@code scene.yaml}'s {@code sound:} section. Gains are in dB, rates are
 * playback speed (1 = as recorded), pitches in Hz.
 *
 * @param beds    sounds that loop for as long as the scene is on, crossfading with the scene's transition
 * @param samples sounds played once each time their trigger signal rises above 0.5
 * @param synths  oscillators whose pitch and gain follow signals (sonifying a distance, a motion)
 * @param cues    sounds played once each time a storyboard cue fires
 */
public record SceneSound(List<Bed> beds, List<Sample> samples, List<Synth> synths, List<CueSound> cues) {
    public static final SceneSound NONE = new SceneSound(List.of(), List.of(), List.of(), List.of());

    public SceneSound {
        beds = List.copyOf(beds);
        samples = List.copyOf(samples);
        synths = List.copyOf(synths);
        cues = List.copyOf(cues);
    }

    /** A soundtrack without storyboard cues. */
    public SceneSound(List<Bed> beds, List<Sample> samples, List<Synth> synths) {
        this(beds, samples, synths, List.of());
    }

    public boolean isEmpty() {
        return beds.isEmpty() && samples.isEmpty() && synths.isEmpty() && cues.isEmpty();
    }

    public record Bed(Path file, SoundControl gainDb, SoundControl rate) {
    }

    public record Sample(Path file, String trigger, SoundControl gainDb, SoundControl rate) {
    }

    /** The sound of the storyboard's cue number {@code cue} (from 0, in the storyboard's order). */
    public record CueSound(int cue, Path file, SoundControl gainDb, SoundControl rate) {
    }

    /** An oscillator's waveform. */
    public enum Wave { SINE, SAW }

    public record Synth(Wave wave, SoundControl pitchHz, SoundControl gainDb) {
    }

    /** All sound files named, for decoding at preparation. */
    public List<Path> files() {
        return java.util.stream.Stream.of(beds.stream().map(Bed::file), samples.stream().map(Sample::file), cues.stream().map(CueSound::file))
                .flatMap(s -> s).distinct().toList();
    }

}
