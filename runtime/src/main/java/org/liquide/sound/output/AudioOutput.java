package org.liquide.sound.output;

import org.liquide.retry.Backoff;
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.device.AudioDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * The show's sound, on its own thread ({@code liquide-audio-out}): renders 10 ms blocks of the current
 * scene's {@link Soundtrack} (crossfading, equal power, from the previous one over the scene's
 * transition), applies the master gain, the sleep and blackout mutes and the {@link Limiter}, and
 * writes 16-bit stereo at 48 kHz to the device. It waits only on the device (whose clock paces it);
 * other threads meet it through volatile fields: a new soundtrack (latest wins), sleep, blackout. Its
 * block allocates nothing. A block the device ran dry before is an underrun, counted. A missing or lost
 * device is logged once per outage and reopened with backoff (250 ms doubling to 8 s), forever; the
 * show goes on silent meanwhile.
 *
 * <p>A second thread, {@code liquide-sound-control}, reads the signals the soundtracks follow every
 * 5 ms and sets their targets, so that the audio thread never reads the signal bus.
 */
public final class AudioOutput implements AutoCloseable {
    public static final int RATE = 48_000;
    public static final int BLOCK = 480;
    private static final int BUFFER_BLOCKS = 6;
    private static final double SLEEP_FADE_SECONDS = 0.5;
    private static final double BLACKOUT_FADE_SECONDS = 1.0;
    /** Cues told and not yet delivered; more than this between two control rounds (5 ms) are lost. */
    private static final int CUE_RING = 64;
    private static final Logger LOG = LoggerFactory.getLogger(AudioOutput.class);

    /** What the output is doing. */
    public enum State { OPENING, PLAYING, LOST, CLOSED }

    private final AudioOutputSpec spec;
    private final float masterGain;
    private final Limiter limiter;
    private final float[] mix = new float[BLOCK * 2];
    private final float[] fadeIn = new float[BLOCK];
    private final float[] fadeOut = new float[BLOCK];
    private final byte[] pcm = new byte[BLOCK * 4];
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(8));
    private final Thread thread;
    private final Thread control;
    private final CopyOnWriteArrayList<Soundtrack> controlled = new CopyOnWriteArrayList<>();
    private volatile Soundtrack incoming;
    // storyboard cues: written by the render thread alone, read by the control thread
    private final String[] cueScenes = new String[CUE_RING];
    private final int[] cueIndices = new int[CUE_RING];
    private volatile long cuesTold;
    private long cuesDelivered; // control thread
    private volatile double incomingFadeSeconds;
    private volatile boolean asleep;
    private volatile boolean blackout;
    private volatile MixTap tap;
    private volatile boolean running = true;
    private volatile State state = State.OPENING;
    private volatile String problem = "";
    private volatile long blocks;
    private volatile long underruns;
    private volatile long outages;
    // audio thread only
    private Soundtrack current = Soundtrack.silent("none");
    private Soundtrack outgoing;
    private long fadeFrame;
    private long fadeFrames;
    private float mute = 1;

    public AudioOutput(AudioOutputSpec spec) {
        this.spec = spec;
        this.masterGain = (float) Math.pow(10, spec.gainDb() / 20);
        this.limiter = new Limiter(spec.limitDb(), RATE);
        this.thread = Thread.ofPlatform().name("liquide-audio-out").daemon().priority(Thread.MAX_PRIORITY).unstarted(this::loop);
        this.control = Thread.ofPlatform().name("liquide-sound-control").daemon().unstarted(this::controlLoop);
    }

    public AudioOutput start() {
        thread.start();
        control.start();
        return this;
    }

    /** Plays {@code soundtrack} from now, crossfading from what plays over {@code fadeSeconds}. Any thread. */
    public void play(Soundtrack soundtrack, double fadeSeconds) {
        incomingFadeSeconds = fadeSeconds;
        incoming = soundtrack;
        controlled.add(soundtrack);
        while (controlled.size() > 3) { // the new one, the one it fades from, and one a quick change may still hold
            controlled.removeFirst();
        }
    }

    /**
     * Scene {@code scene}'s storyboard cue number {@code cue} fired: its sound, if it has one, plays (the
     * scene's soundtrack is handed over before the scene's first frame). Called by one thread only (the
     * render thread): it writes two array slots and never waits or allocates.
     */
    public void cue(String scene, int cue) {
        long told = cuesTold;
        int slot = (int) (told % CUE_RING);
        cueScenes[slot] = scene;
        cueIndices[slot] = cue;
        cuesTold = told + 1;
    }

    /** Silence while the show sleeps (a 0.5 s fade), the sound back when it wakes. */
    public void asleep(boolean asleep) {
        this.asleep = asleep;
    }

    /** Copies every block from now into {@code tap} (a recording's sound), or stops copying when null. Any thread. */
    public void tap(MixTap tap) {
        this.tap = tap;
    }

    /** Silence with the blackout (the picture's 1 s fade). */
    public void blackout(boolean on) {
        this.blackout = on;
    }

    public State state() {
        return state;
    }

    public AudioOutputSpec spec() {
        return spec;
    }

    /** Muted because the show sleeps. */
    public boolean isAsleep() {
        return asleep;
    }

    /** Muted by the blackout. */
    public boolean isBlackedOut() {
        return blackout;
    }

    public String problem() {
        return problem;
    }

    /** Blocks of 10 ms written so far. */
    public long blocks() {
        return blocks;
    }

    /** Blocks the device had run out of sound before (a gap the room heard). */
    public long underruns() {
        return underruns;
    }

    public long outages() {
        return outages;
    }

    /** The thread that renders (for allocation measurements). */
    public Thread audioThread() {
        return thread;
    }

    private void loop() {
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
        while (running) {
            SourceDataLine line = null;
            try {
                line = AudioDevices.line(SourceDataLine.class, spec.device(), format);
                line.open(format, BLOCK * 4 * BUFFER_BLOCKS);
                line.start();
                state = State.PLAYING;
                problem = "";
                backoff.reset();
                if (outages > 0) {
                    LOG.info("audio output '{}' is back", spec.device());
                }
                play(line);
            } catch (IOException | LineUnavailableException | RuntimeException e) {
                if (running) {
                    lost(e);
                }
            } finally {
                if (line != null) {
                    line.close();
                }
            }
        }
        state = State.CLOSED;
    }

    private void play(SourceDataLine line) throws IOException {
        int capacity = line.getBufferSize();
        boolean primed = false;
        while (running) {
            renderBlock();
            if (primed && line.available() >= capacity) {
                underruns++;
                if (underruns == 1 || underruns % 100 == 0) {
                    LOG.warn("audio output: {} underruns so far (the device ran dry)", underruns);
                }
            }
            int written = line.write(pcm, 0, pcm.length);
            if (written < pcm.length) {
                throw new IOException("the sound device stopped taking sound");
            }
            primed = primed || line.available() < capacity - pcm.length * 2;
            blocks++;
        }
    }

    /** One block: soundtracks and crossfade, master gain, mutes, limiter, to 16-bit. Allocates nothing. */
    private void renderBlock() {
        Soundtrack next = incoming;
        if (next != null && next != current) {
            outgoing = current;
            current = next;
            fadeFrame = 0;
            fadeFrames = Math.max(1, Math.round(incomingFadeSeconds * RATE));
        }
        java.util.Arrays.fill(mix, 0f);
        for (int f = 0; f < BLOCK; f++) {
            double t = outgoing == null ? 1 : Math.min(1, (fadeFrame + f) / (double) fadeFrames);
            fadeIn[f] = (float) Math.sin(t * Math.PI / 2);
            fadeOut[f] = (float) Math.cos(t * Math.PI / 2);
        }
        current.render(mix, BLOCK, fadeIn);
        if (outgoing != null) {
            outgoing.render(mix, BLOCK, fadeOut);
            fadeFrame += BLOCK;
            if (fadeFrame >= fadeFrames) {
                outgoing = null;
            }
        }
        float muteTarget = asleep || blackout ? 0 : 1;
        float muteStep = (float) (1 / ((asleep ? SLEEP_FADE_SECONDS : BLACKOUT_FADE_SECONDS) * RATE));
        for (int f = 0; f < BLOCK; f++) {
            mute = muteTarget > mute ? Math.min(muteTarget, mute + muteStep) : Math.max(muteTarget, mute - muteStep);
            float g = masterGain * mute;
            mix[2 * f] *= g;
            mix[2 * f + 1] *= g;
        }
        limiter.process(mix, BLOCK);
        MixTap recording = tap;
        if (recording != null) {
            recording.write(mix, mix.length);
        }
        for (int i = 0; i < mix.length; i++) {
            int s = Math.round(Math.clamp(mix[i], -1f, 1f) * 32767);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
    }

    private void lost(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (state != State.LOST) {
            outages++;
            LOG.warn("audio output '{}' cannot play: {}; trying again until it can, the show goes on silent", spec.device(), message);
        }
        state = State.LOST;
        problem = message;
        LockSupport.parkNanos(backoff.nextDelayNanos());
    }

    private void controlLoop() {
        while (running) {
            long now = System.nanoTime();
            deliverCues();
            for (Soundtrack soundtrack : controlled) {
                soundtrack.evaluate(now);
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }

    /**
     * Hands each cue told to the newest soundtrack of its scene: the scene coming on, or the one fading out
     * whose storyboard still runs. A cue of a scene with no soundtrack (a silent showcase's) is dropped.
     */
    private void deliverCues() {
        long told = cuesTold;
        for (long i = Math.max(cuesDelivered, told - CUE_RING); i < told; i++) {
            int slot = (int) (i % CUE_RING);
            Soundtrack newest = null;
            for (Soundtrack soundtrack : controlled) {
                if (soundtrack.name().equals(cueScenes[slot])) {
                    newest = soundtrack;
                }
            }
            if (newest != null) {
                newest.cue(cueIndices[slot]);
            }
        }
        cuesDelivered = told;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        LockSupport.unpark(control);
        try {
            thread.join(5_000);
            control.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
