package org.liquide.sound.input;

import org.liquide.retry.Backoff;
import org.liquide.signal.SignalBus;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.AudioTap;
import org.liquide.sound.analysis.AudioAnalyser;
import org.liquide.sound.analysis.AudioFeatures;
import org.liquide.sound.output.MixTap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One input listened to on its own thread ({@code liquide-audio-in-<name>}): reads a hop of
 * {@value #HOP} samples at a time, analyses it and publishes its measures on the signal bus as
 * {@code audio/<name>/level}, {@code peak} (dBFS), {@code bands} (8 channels, 0–1), {@code centroid}
 * (Hz) and {@code onset} (a pulse, 0–1). A device that is missing or stops is logged once per outage and
 * opened again with backoff (250 ms doubling to 8 s), forever; the show goes on meanwhile, the mappings
 * of its signals going stale to their defaults. Nothing is allocated per hop.
 */
public final class AudioInput implements AutoCloseable {
    public static final String SOURCE = "audio";
    public static final int RATE = 48_000;
    /** About 10.7 ms at 48 kHz: the analysis's step, and the signals' rate (about 94 a second). */
    public static final int HOP = 512;
    private static final long HOP_NANOS = HOP * 1_000_000_000L / RATE;
    private static final Logger LOG = LoggerFactory.getLogger(AudioInput.class);

    /** What the input is doing. */
    public enum State { OPENING, LISTENING, LOST, CLOSED }

    private final AudioInputSpec spec;
    private final SignalBus bus;
    private final AudioTap tap;
    private final AudioAnalyser analyser = new AudioAnalyser(RATE);
    private final AudioFeatures features = new AudioFeatures();
    private final float[] hop = new float[HOP];
    private final double[] value = new double[AudioFeatures.BANDS];
    private final String levelName;
    private final String peakName;
    private final String bandsName;
    private final String centroidName;
    private final String onsetName;
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(8));
    private final Thread thread;
    private volatile boolean running = true;
    private volatile State state = State.OPENING;
    private volatile String problem = "";
    private volatile long hops;
    private volatile long onsets;
    private volatile long outages;
    private volatile long lastOnsetNanos;
    private volatile MixTap recording;
    private volatile double levelDb = Double.NaN;
    private volatile double peakDb = Double.NaN;

    public AudioInput(AudioInputSpec spec, SignalBus bus) {
        this(spec, bus, null);
    }

    /** An input whose waveform and spectrum also go to {@code tap} (the shaders' sound), if not null. */
    public AudioInput(AudioInputSpec spec, SignalBus bus, AudioTap tap) {
        this.spec = spec;
        this.bus = bus;
        this.tap = tap;
        String prefix = "audio/" + spec.name() + "/";
        this.levelName = prefix + "level";
        this.peakName = prefix + "peak";
        this.bandsName = prefix + "bands";
        this.centroidName = prefix + "centroid";
        this.onsetName = prefix + "onset";
        this.thread = Thread.ofPlatform().name("liquide-audio-in-" + spec.name()).daemon().unstarted(this::loop);
    }

    public AudioInput start() {
        thread.start();
        return this;
    }

    public String name() {
        return spec.name();
    }

    public AudioInputSpec spec() {
        return spec;
    }

    /** The latest smoothed level in dBFS, NaN before the first hop (for the panel's meter). */
    public double levelDb() {
        return levelDb;
    }

    /** The latest peak in dBFS, NaN before the first hop. */
    public double peakDb() {
        return peakDb;
    }

    public State state() {
        return state;
    }

    /** Why the input is lost, or empty. */
    public String problem() {
        return problem;
    }

    /** Hops analysed so far. */
    public long hops() {
        return hops;
    }

    /** Onsets heard so far. */
    public long onsets() {
        return onsets;
    }

    /**
     * When the hop holding the latest onset began to arrive ({@link System#nanoTime}; 0 before any): the
     * sound's onset to within one hop, never after it. Written before the onset's signals are published.
     */
    public long lastOnsetNanos() {
        return lastOnsetNanos;
    }

    /** Copies every hop from now into {@code tap} (a recording the showcase lets hear the room), or stops when null. */
    public void record(MixTap tap) {
        this.recording = tap;
    }

    /** Times the input was lost. */
    public long outages() {
        return outages;
    }

    private void loop() {
        while (running) {
            try (SampleSource source = open()) {
                state = State.LISTENING;
                problem = "";
                backoff.reset();
                if (outages > 0) {
                    LOG.info("audio input '{}' is back", spec.name());
                }
                while (running) {
                    source.read(hop, HOP);
                    long began = System.nanoTime() - HOP_NANOS;
                    MixTap recorded = recording;
                    if (recorded != null) {
                        recorded.writeMono(hop, HOP);
                    }
                    analyser.analyse(hop, HOP, features);
                    if (features.onsets() != onsets) {
                        lastOnsetNanos = began; // before the signals: whoever sees the onset sees its time
                    }
                    publish();
                    if (tap != null) {
                        tap.publish(analyser.waveform(), analyser.magnitudes());
                    }
                    hops++;
                }
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                lost(e);
            }
        }
        state = State.CLOSED;
    }

    private SampleSource open() throws IOException {
        return switch (spec.source()) {
            case AudioInputSpec.Device device -> new LineCapture(device.name(), RATE, HOP);
            case AudioInputSpec.Stream stream -> new NetworkStream(stream.uri(), RATE);
            case AudioInputSpec.File file -> new FileLoop(file.path(), RATE);
        };
    }

    private void lost(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (state != State.LOST) {
            outages++;
            LOG.warn("audio input '{}' is not heard: {}; trying again until it is, the show goes on", spec.name(), message);
        }
        state = State.LOST;
        problem = message;
        LockSupport.parkNanos(backoff.nextDelayNanos());
    }

    private void publish() {
        long now = System.currentTimeMillis();
        publish(levelName, features.levelDb(), now);
        publish(peakName, features.peakDb(), now);
        publish(centroidName, features.centroidHz(), now);
        publish(onsetName, features.onset(), now);
        System.arraycopy(features.bands(), 0, value, 0, AudioFeatures.BANDS);
        bus.publish(SOURCE, bandsName, value, AudioFeatures.BANDS, now);
        onsets = features.onsets();
        levelDb = features.levelDb();
        peakDb = features.peakDb();
    }

    private void publish(String name, double v, long now) {
        value[0] = v;
        bus.publish(SOURCE, name, value, 1, now);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
