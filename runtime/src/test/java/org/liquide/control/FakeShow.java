package org.liquide.control;

import org.liquide.hardware.testing.Await;
import org.liquide.record.JournalEntry;
import org.liquide.show.api.ShowControl;
import org.liquide.show.status.DeviceStatus;
import org.liquide.show.status.FrameStatus;
import org.liquide.show.status.GeneratorStatus;
import org.liquide.show.status.OutputStatus;
import org.liquide.show.status.ShowStatus;
import org.liquide.show.status.SoundStatus;
import org.liquide.show.status.SignalStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A show for the control tests: records every call (as text such as {@code switchScene(biais)}) and
 * answers a realistic status that follows the commands. This is the seam the runtime's real
 * {@link ShowControl} fills.
 */
class FakeShow implements ShowControl {
    static final List<String> SCENES = List.of("biais", "marée", "nuit");

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String scene = "biais";
    private volatile boolean blackout;
    private volatile boolean asleep;
    private volatile boolean rehearsal = true;
    /** What the status says was last refused (a test sets it to see the panel show it). */
    volatile String problem = "";
    /** Vision signals added to the three named ones, as a room's camera analysis adds them. */
    volatile int moreSignals;
    private volatile double framesPerSecond = 59.9;
    private volatile double nextInSeconds = 754.2;
    private final Map<String, double[]> corners = new LinkedHashMap<>();
    private final Map<String, Double> simulated = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile CompletableFuture<Path> nextSnapshot;
    /** MIDI learn, when a test gives the show MIDI controllers. */
    volatile org.liquide.midi.MidiLearn midiLearn;

    FakeShow() {
        corners.put("main", new double[]{0, 0, 1, 0, 1, 1, 0, 1});
        corners.put("mur", new double[]{0.05, 0.02, 0.97, 0, 1, 0.98, 0, 1});
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    void awaitCall(String call) {
        Await.until(Await.GENEROUS, () -> call + " among " + calls, () -> calls.contains(call));
    }

    FakeShow framesPerSecond(double fps) {
        framesPerSecond = fps;
        return this;
    }

    FakeShow rehearsal(boolean on) {
        rehearsal = on;
        return this;
    }

    /** The next snapshot completes with this future instead of at once. */
    FakeShow nextSnapshot(CompletableFuture<Path> future) {
        nextSnapshot = future;
        return this;
    }

    @Override
    public ShowStatus status() {
        int next = (SCENES.indexOf(scene) + 1) % SCENES.size();
        float[] intervals = new float[120];
        for (int i = 0; i < intervals.length; i++) {
            intervals[i] = 16.67f + (float) Math.sin(i * 0.7) * 0.4f + (i == 97 ? 21f : 0f);
        }
        FrameStatus frames = new FrameStatus(framesPerSecond, 16.6, 17.4, 24.8, 37.9, 1_284_311, intervals);
        List<OutputStatus> outputs = new ArrayList<>();
        synchronized (corners) {
            outputs.add(new OutputStatus("main", "projector", 1920, 1080, pairs(corners.get("main"))));
            outputs.add(new OutputStatus("mur", "window", 1280, 800, pairs(corners.get("mur"))));
        }
        List<GeneratorStatus> generators = List.of(
                new GeneratorStatus("reve", "sd-turbo-int8", "cuda:0", "running", 11.8, 86.0, 48_120, 0.42, "", null),
                new GeneratorStatus("brume", "procedural", "gpu", "fallback", 30.0, 4.0, 0, 0.0,
                        "model file missing: brume.onnx", null));
        double presence = simulated.getOrDefault("presence", 0.37);
        List<SignalStatus> signals = new java.util.ArrayList<>(List.of(
                new SignalStatus("presence", "osc", presence, "reve.strength", presence * 0.8, 0.04, false),
                new SignalStatus("td/fader1", "osc", 0.8, "", Double.NaN, 2.5, false),
                new SignalStatus("lidar/distance", "mqtt", Double.NaN, "brume.density", Double.NaN, -1, true)));
        for (int i = 0; i < moreSignals; i++) {
            signals.add(new SignalStatus("vision/salle/zone" + i, "vision", (i % 10) / 10.0, "", Double.NaN, 0.1, false));
        }
        return new ShowStatus("Reflets", "salle-1", Instant.parse("2027-01-15T18:04:05.120Z"), scene,
                scene.equals("biais") ? "La même image à travers trois générateurs." : "", SCENES.get(next),
                nextInSeconds, blackout, asleep, asleep ? "11:00 (Europe/Paris)" : "", rehearsal, problem, frames, outputs, generators, signals,
                List.of(new DeviceStatus("entree", "online", "1280x720 MJPG 30 fps"),
                        new DeviceStatus("plafond", "lost", "no frame for 12 s; reconnecting")),
                List.of(new DeviceStatus("pi-porte", "stale", "last message 9 s ago")),
                List.of(new DeviceStatus("salle-1", "online", "this machine")),
                List.of(org.liquide.show.status.InputStatus.of("osc", 120, Map.of("command-sender-refused", 2L))))
                .withSound(new SoundStatus(List.of(
                        new SoundStatus.Input("salle", "default", "online", -23.4, -11.0, 0, ""),
                        new SoundStatus.Input("micro-hf", "Shure", "lost", Double.NaN, Double.NaN, 2,
                                "no sound device matching 'Shure'")),
                        java.util.Optional.of(new SoundStatus.Output("default", "online", -6, -1, 3, 0,
                                blackout ? "blackout" : asleep ? "sleep" : "", ""))));
    }

    private static List<double[]> pairs(double[] xy) {
        return List.of(new double[]{xy[0], xy[1]}, new double[]{xy[2], xy[3]}, new double[]{xy[4], xy[5]},
                new double[]{xy[6], xy[7]});
    }

    @Override
    public List<String> scenes() {
        return SCENES;
    }

    @Override
    public void switchScene(String name) {
        calls.add("switchScene(" + name + ")");
        if (!SCENES.contains(name)) {
            throw new IllegalArgumentException("no scene named " + name + "; known: " + String.join(", ", SCENES));
        }
        scene = name;
    }

    @Override
    public void next() {
        calls.add("next()");
        scene = SCENES.get((SCENES.indexOf(scene) + 1) % SCENES.size());
    }

    @Override
    public void blackout(boolean on) {
        calls.add("blackout(" + on + ")");
        blackout = on;
    }

    @Override
    public void sleep() {
        calls.add("sleep()");
        asleep = true;
    }

    @Override
    public void wake() {
        calls.add("wake()");
        asleep = false;
    }

    @Override
    public void reload() {
        calls.add("reload()");
    }

    private final List<JournalEntry> journal = new CopyOnWriteArrayList<>();
    private volatile Path journalFolder;
    private volatile Clock clock = Clock.systemUTC();
    private volatile java.time.ZoneId zone = ZoneOffset.UTC;
    private Path recording;

    /** Adds a journal entry the API will list. */
    public void addJournalEntry(JournalEntry entry) {
        journal.add(entry);
    }

    /** Journal files are served from this folder (none before), with the real journal's containment. */
    FakeShow journalFolder(Path folder) {
        journalFolder = folder;
        return this;
    }

    /** The clock that dates recording entries (the server's, in tests). */
    FakeShow clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The showcase's time zone, in which the journal's days are counted (UTC unless set). */
    FakeShow zone(java.time.ZoneId zone) {
        this.zone = zone;
        return this;
    }

    @Override
    public java.time.ZoneId journalZone() {
        return zone;
    }

    @Override
    public List<JournalEntry> journal(LocalDate day) {
        calls.add("journal(" + day + ")");
        return journal.stream().filter(e -> e.time().atZone(zone).toLocalDate().equals(day))
                .sorted(java.util.Comparator.comparing(JournalEntry::time)).toList(); // oldest first, as the journal
    }

    @Override
    public Optional<Path> journalFile(String relativePath) {
        calls.add("journalFile(" + relativePath + ")");
        Path folder = journalFolder;
        if (folder == null) {
            return Optional.empty();
        }
        return org.liquide.record.Journal.fileInside(folder, relativePath);
    }

    /** Like the runtime: a start and a stop each write a journal entry at once. */
    @Override
    public synchronized Path startRecording() {
        calls.add("startRecording()");
        if (recording != null) {
            throw new IllegalStateException("already recording " + recording);
        }
        Instant now = clock.instant();
        String file = "recordings/" + now.atZone(ZoneOffset.UTC).toLocalDate() + "/"
                + DateTimeFormatter.ofPattern("HHmmss").format(now.atZone(ZoneOffset.UTC)) + "-" + scene + ".mp4";
        recording = Path.of("/var/lib/liquide/journal/Reflets").resolve(file);
        journal.add(new JournalEntry(now, "recording-started", file, Map.of("scene", scene)));
        return recording;
    }

    @Override
    public synchronized Path stopRecording() {
        calls.add("stopRecording()");
        if (recording == null) {
            throw new IllegalStateException("not recording");
        }
        Path finished = recording;
        recording = null;
        String file = Path.of("/var/lib/liquide/journal/Reflets").relativize(finished).toString();
        journal.add(new JournalEntry(clock.instant(), "recording", file, Map.of("frames", 1500)));
        return finished;
    }

    @Override
    public CompletableFuture<Path> snapshot() {
        calls.add("snapshot()");
        CompletableFuture<Path> future = nextSnapshot;
        nextSnapshot = null;
        return future != null ? future
                : CompletableFuture.completedFuture(Path.of("/var/lib/liquide/journal/2027-01-15/180405-biais.jpg"));
    }

    @Override
    public void restartGenerator(String layer) {
        calls.add("restartGenerator(" + layer + ")");
    }

    @Override
    public void setWarpCorner(String display, int corner, double x, double y) {
        calls.add(String.format(java.util.Locale.ROOT, "setWarpCorner(%s,%d,%.3f,%.3f)", display, corner, x, y));
        synchronized (corners) {
            double[] xy = corners.get(display);
            if (xy == null) {
                throw new IllegalArgumentException("no display named " + display);
            }
            xy[corner * 2] = x;
            xy[corner * 2 + 1] = y;
        }
    }

    @Override
    public boolean setSimulatedSignal(String signal, double value) {
        calls.add(String.format(java.util.Locale.ROOT, "setSimulatedSignal(%s,%.2f)", signal, value));
        if (!rehearsal || status().signals().stream().noneMatch(s -> s.name().equals(signal))) {
            return false;
        }
        simulated.put(signal, value);
        return true;
    }

    @Override
    public Optional<org.liquide.midi.MidiLearn> midiLearn() {
        return Optional.ofNullable(midiLearn);
    }
}
