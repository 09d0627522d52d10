package org.liquide.sound.output;

import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.sound.SceneSound;
import org.liquide.sound.decode.DecodedSound;

import java.nio.file.Path;
import java.util.Map;

/**
 * A scene's sound, ready to play: its files decoded (stereo, at the output's rate) and its voices. Made
 * off the audio thread ({@link #prepare}); once handed to the output, the audio thread alone renders it
 * and the control thread alone evaluates its controls. Rendering allocates nothing.
 */
public final class Soundtrack {
    /** Glide of gains, rates and pitches: about 20 ms. */
    private static final float GLIDE = (float) (1 - Math.exp(-1.0 / (0.02 * AudioOutput.RATE)));
    private static final long STALE_NANOS = 2_000_000_000L;

    private final String name;
    private final Bed[] beds;
    private final Sample[] samples;
    private final Synth[] synths;
    /** The sound of each storyboard cue, by the cue's place; null for a cue without one. */
    private final Sample[] cues;
    private final SignalSample scratch = new SignalSample();

    private Soundtrack(String name, Bed[] beds, Sample[] samples, Synth[] synths, Sample[] cues) {
        this.name = name;
        this.beds = beds;
        this.samples = samples;
        this.synths = synths;
        this.cues = cues;
    }

    /** Silence. */
    public static Soundtrack silent(String name) {
        return new Soundtrack(name, new Bed[0], new Sample[0], new Synth[0], new Sample[0]);
    }

    /** @param decoded every file of {@code sound}, decoded in stereo at {@link AudioOutput#RATE} */
    public static Soundtrack prepare(String name, SceneSound sound, Map<Path, DecodedSound> decoded, SignalBus bus) {
        Bed[] beds = sound.beds().stream().map(b -> new Bed(decoded.get(b.file()).samples(),
                new Controlled(b.gainDb(), bus, true), new Controlled(b.rate(), bus, false))).toArray(Bed[]::new);
        Sample[] samples = sound.samples().stream().map(s -> new Sample(decoded.get(s.file()).samples(), bus.signal(s.trigger()),
                new Controlled(s.gainDb(), bus, true), new Controlled(s.rate(), bus, false))).toArray(Sample[]::new);
        Synth[] synths = sound.synths().stream().map(s -> new Synth(s.wave(),
                new Controlled(s.pitchHz(), bus, false), new Controlled(s.gainDb(), bus, true))).toArray(Synth[]::new);
        Sample[] cues = new Sample[sound.cues().stream().mapToInt(c -> c.cue() + 1).max().orElse(0)];
        for (SceneSound.CueSound cue : sound.cues()) {
            cues[cue.cue()] = new Sample(decoded.get(cue.file()).samples(), null,
                    new Controlled(cue.gainDb(), bus, true), new Controlled(cue.rate(), bus, false));
        }
        return new Soundtrack(name, beds, samples, synths, cues);
    }

    public String name() {
        return name;
    }

    /** Control thread: the storyboard's cue number {@code cue} fired; its sound, if it has one, plays from its start. */
    void cue(int cue) {
        if (cue >= 0 && cue < cues.length && cues[cue] != null) {
            cues[cue].triggers++;
        }
    }

    /** Control thread: reads the signals its controls follow, and its samples' triggers. */
    void evaluate(long nowNanos) {
        for (Bed bed : beds) {
            bed.gain.evaluate(scratch, nowNanos, STALE_NANOS);
            bed.rate.evaluate(scratch, nowNanos, STALE_NANOS);
        }
        for (Sample sample : samples) {
            sample.gain.evaluate(scratch, nowNanos, STALE_NANOS);
            sample.rate.evaluate(scratch, nowNanos, STALE_NANOS);
            boolean high = sample.trigger.read(scratch) && scratch.channels() > 0 && scratch.value(0) > 0.5
                    && nowNanos - scratch.receivedNanos() < STALE_NANOS;
            if (high && !sample.wasHigh) {
                sample.triggers++;
            }
            sample.wasHigh = high;
        }
        for (Synth synth : synths) {
            synth.pitch.evaluate(scratch, nowNanos, STALE_NANOS);
            synth.gain.evaluate(scratch, nowNanos, STALE_NANOS);
        }
        for (Sample cue : cues) {
            if (cue != null) {
                cue.gain.evaluate(scratch, nowNanos, STALE_NANOS);
                cue.rate.evaluate(scratch, nowNanos, STALE_NANOS);
            }
        }
    }

    /** Audio thread: adds {@code frames} stereo frames, times {@code fade}, into {@code mix} (interleaved). */
    void render(float[] mix, int frames, float[] fade) {
        for (Bed bed : beds) {
            bed.render(mix, frames, fade);
        }
        for (Sample sample : samples) {
            sample.render(mix, frames, fade);
        }
        for (Synth synth : synths) {
            synth.render(mix, frames, fade);
        }
        for (Sample cue : cues) {
            if (cue != null) {
                cue.render(mix, frames, fade);
            }
        }
    }

    /** Reads stereo frame {@code position} (fractional, linearly interpolated) of a sound. */
    private static float at(float[] sound, double position, int channel, boolean loop) {
        int frames = sound.length / 2;
        int i = (int) position;
        float t = (float) (position - i);
        int j = i + 1;
        if (j >= frames) {
            j = loop ? j - frames : frames - 1;
        }
        return sound[2 * i + channel] * (1 - t) + sound[2 * j + channel] * t;
    }

    private static final class Bed {
        final float[] sound;
        final Controlled gain;
        final Controlled rate;
        double position;

        Bed(float[] sound, Controlled gain, Controlled rate) {
            this.sound = sound;
            this.gain = gain;
            this.rate = rate;
        }

        void render(float[] mix, int frames, float[] fade) {
            int length = sound.length / 2;
            if (length == 0) {
                return;
            }
            for (int f = 0; f < frames; f++) {
                float g = gain.next(GLIDE) * fade[f];
                mix[2 * f] += at(sound, position, 0, true) * g;
                mix[2 * f + 1] += at(sound, position, 1, true) * g;
                position += rate.next(GLIDE);
                while (position >= length) {
                    position -= length;
                }
            }
        }
    }

    /** A sound played once from its start at each trigger: its signal's rise, or its storyboard cue. */
    private static final class Sample {
        final float[] sound;
        final Signal trigger; // null for a cue's sound
        final Controlled gain;
        final Controlled rate;
        volatile int triggers;
        boolean wasHigh;
        int played;
        double position = Double.MAX_VALUE;

        Sample(float[] sound, Signal trigger, Controlled gain, Controlled rate) {
            this.sound = sound;
            this.trigger = trigger;
            this.gain = gain;
            this.rate = rate;
        }

        void render(float[] mix, int frames, float[] fade) {
            int seen = triggers;
            if (seen != played) {
                played = seen;
                position = 0;
            }
            int length = sound.length / 2;
            for (int f = 0; f < frames && position < length; f++) {
                float g = gain.next(GLIDE) * fade[f];
                mix[2 * f] += at(sound, position, 0, false) * g;
                mix[2 * f + 1] += at(sound, position, 1, false) * g;
                position += rate.next(GLIDE);
            }
        }
    }

    private static final class Synth {
        final SceneSound.Wave wave;
        final Controlled pitch;
        final Controlled gain;
        double phase;

        Synth(SceneSound.Wave wave, Controlled pitch, Controlled gain) {
            this.wave = wave;
            this.pitch = pitch;
            this.gain = gain;
        }

        void render(float[] mix, int frames, float[] fade) {
            for (int f = 0; f < frames; f++) {
                float value = wave == SceneSound.Wave.SINE ? (float) Math.sin(2 * Math.PI * phase) : (float) (2 * phase - 1);
                float g = gain.next(GLIDE) * fade[f];
                mix[2 * f] += value * g;
                mix[2 * f + 1] += value * g;
                phase += pitch.next(GLIDE) / AudioOutput.RATE;
                phase -= Math.floor(phase);
            }
        }
    }
}
