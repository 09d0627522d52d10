package org.liquide.show;

import org.liquide.midi.MidiLearn;
import org.liquide.record.Journal;
import org.liquide.record.JournalEntry;
import org.liquide.record.SnapshotWriter;
import org.liquide.render.RenderLoop;
import org.liquide.render.generated.WorkerGenerator;
import org.liquide.render.output.Displays;
import org.liquide.scene.SceneInstance;
import org.liquide.show.api.ShowControl;
import org.liquide.show.stage.Stage;
import org.liquide.show.stage.StageCommand;
import org.liquide.show.status.ShowStatus;
import org.liquide.show.sync.ShowCommand;
import org.liquide.show.sync.ShowSync;
import org.liquide.showcase.SyncRole;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The operator's commands to a running show (panel, API, OSC), applied to its parts and told to the showcase's
 * other runtimes; and the commands those runtimes tell it ({@link #follow}), applied without being told again.
 * A leader publishes every scene change through the player instead, so switches are not told twice.
 */
public final class ShowCommands implements ShowControl {
    private final Supplier<ShowStatus> status;
    private final ScenePlayer player;
    private final Stage stage;
    private final List<Consumer<Boolean>> blackoutOutputs;
    private final ShowSync sync;
    private final SyncRole role;
    private final SnapshotWriter snapshots;
    private final ShowRecording recording;
    private final Journal journal;
    private final RenderLoop loop;
    private final RehearsalBoard rehearsal;
    private final Optional<MidiLearn> midiLearn;
    private volatile boolean blackout;

    /**
     * @param blackoutOutputs the outputs told of a blackout besides the stage (OSC out, DMX, sound)
     * @param sync            the showcase's other runtimes, or null without a broker
     * @param rehearsal       the simulated sensors' board, or null when not rehearsing
     */
    ShowCommands(Supplier<ShowStatus> status, ScenePlayer player, Stage stage, List<Consumer<Boolean>> blackoutOutputs,
                 ShowSync sync, SyncRole role, SnapshotWriter snapshots, ShowRecording recording, Journal journal,
                 RenderLoop loop, RehearsalBoard rehearsal, Optional<MidiLearn> midiLearn) {
        this.status = status;
        this.player = player;
        this.stage = stage;
        this.blackoutOutputs = List.copyOf(blackoutOutputs);
        this.sync = sync;
        this.role = role;
        this.snapshots = snapshots;
        this.recording = recording;
        this.journal = journal;
        this.loop = loop;
        this.rehearsal = rehearsal;
        this.midiLearn = midiLearn;
    }

    /** True while the outputs are faded to black. */
    boolean blackedOut() {
        return blackout;
    }

    @Override
    public ShowStatus status() {
        return status.get();
    }

    @Override
    public List<String> scenes() {
        return player.scenes();
    }

    @Override
    public void switchScene(String name) {
        player.switchTo(name);
        share(new ShowCommand.SwitchScene(name, ScenePlayer.SCENE_TRANSITION));
    }

    @Override
    public void next() {
        String upcoming = player.nextScene();
        player.next();
        if (!upcoming.isEmpty()) {
            share(new ShowCommand.SwitchScene(upcoming, ScenePlayer.SCENE_TRANSITION));
        }
    }

    @Override
    public void blackout(boolean on) {
        setBlackout(on);
        share(new ShowCommand.Blackout(on));
    }

    @Override
    public void sleep() {
        player.sleep();
        share(new ShowCommand.Sleep());
    }

    @Override
    public void wake() {
        player.wake();
        share(new ShowCommand.Wake());
    }

    private void setBlackout(boolean on) {
        blackout = on;
        stage.offer(new StageCommand.Blackout(on, 1.0));
        blackoutOutputs.forEach(output -> output.accept(on));
    }

    private void share(ShowCommand command) {
        boolean leaderSwitch = command instanceof ShowCommand.SwitchScene && role == SyncRole.LEAD;
        if (sync != null && !leaderSwitch) {
            sync.publish(command);
        }
    }

    /** A command from another runtime or a show controller: applied, not told again. */
    void follow(ShowCommand command) {
        switch (command) {
            case ShowCommand.SwitchScene s -> player.switchTo(s.scene(), s.transitionSeconds());
            case ShowCommand.Blackout b -> setBlackout(b.on());
            case ShowCommand.Sleep ignored -> player.sleep();
            case ShowCommand.Wake ignored -> player.wake();
        }
    }

    @Override
    public void reload() {
        player.reload();
    }

    @Override
    public CompletableFuture<Path> snapshot() {
        return snapshots.request();
    }

    @Override
    public Path startRecording() {
        return recording.start();
    }

    @Override
    public Path stopRecording() {
        return recording.stop();
    }

    @Override
    public List<JournalEntry> journal(LocalDate day) {
        return journal.day(day);
    }

    @Override
    public java.time.ZoneId journalZone() {
        return journal.zone();
    }

    @Override
    public Optional<Path> journalFile(String relativePath) {
        return journal.file(relativePath);
    }

    @Override
    public void restartGenerator(String layer) {
        SceneInstance scene = stage.shown();
        Map<String, WorkerGenerator> generators = scene == null ? Map.of() : scene.generators();
        if (layer.equals("all")) {
            generators.values().forEach(generator -> generator.worker().reload());
            return;
        }
        WorkerGenerator generator = generators.get(layer);
        if (generator == null) {
            throw new IllegalArgumentException("no generator on a layer named '" + layer + "' in the scene shown");
        }
        generator.worker().reload();
    }

    @Override
    public void setWarpCorner(String display, int corner, double x, double y) {
        Displays displays = loop.displays();
        if (displays == null) {
            throw new IllegalArgumentException("no display named '" + display + "': this show has no display setups");
        }
        displays.moveCorner(display, corner, x, y);
    }

    @Override
    public Optional<MidiLearn> midiLearn() {
        return midiLearn;
    }

    @Override
    public boolean setSimulatedSignal(String signal, double value) {
        return rehearsal != null && rehearsal.set(signal, value);
    }
}
