package org.liquide.show;

import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.scene.PreparedScene;
import org.liquide.scene.ScenePreparationException;
import org.liquide.scene.ScenePreparer;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.SceneResources;
import org.liquide.scene.model.IdleBehaviour;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.show.stage.Stage;
import org.liquide.show.stage.StageCommand;
import org.liquide.showcase.PlaylistEntry;
import org.liquide.showcase.ShowcaseFiles;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Decides which scene is on stage: it rotates the playlist, switches on request, goes to the attract
 * scene when nobody has been there for a while and back when someone comes, and reloads. Scenes are
 * read and prepared on its own thread (model loading, sketch compiling), then handed to the stage,
 * which crossfades on the render thread. A scene that fails to read or prepare leaves the current one
 * on screen and says why.
 *
 * <p>Requests that come faster than a scene can change coalesce: a scene request (switch, next, reload)
 * waits while a scene is being prepared, and for at least {@value #MIN_MILLIS_BETWEEN_REQUESTS} ms after the
 * last one was carried out; a newer one replaces it (the last wins). Sleep and wake are a second slot,
 * carried out before the scene request, so a burst of commands cannot cancel the schedule's sleep. A burst
 * of a thousand {@code next} commands thus changes the scene once or twice, not a thousand times.
 */
public final class ScenePlayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScenePlayer.class);
    /** What operators' commands cause (sleep, wake, a scene that cannot be shown): they may come in floods. */
    private final RateLimitedLog requested = RateLimitedLog.of(LOG);
    /** As a transition: the scene's own ({@code transition:} in its file). */
    public static final double SCENE_TRANSITION = Double.NaN;
    private static final double RELOAD_TRANSITION_SECONDS = 0.25;

    private final Path scenesFolder;
    private final SceneFiles.Showcase showcase;
    private final List<PlaylistEntry> playlist;
    private final Stage stage;
    private final SceneResources resources;
    private final SignalBus bus;
    private final LongSupplier clock;
    private final ScheduledExecutorService executor;
    private final SignalSample sample = new SignalSample();
    static final long MIN_MILLIS_BETWEEN_REQUESTS = 500;
    /** The scene request waiting for the player's thread; a newer one replaces it. */
    private final AtomicReference<Runnable> sceneRequest = new AtomicReference<>();
    /** Sleep ({@code true}) or wake ({@code false}) waiting for the player's thread; the newer wins. */
    private final AtomicReference<Boolean> sleepRequest = new AtomicReference<>();
    private final AtomicBoolean requestsScheduled = new AtomicBoolean();
    private volatile long lastRequestNanos;
    private volatile boolean requestCarriedOut;
    private volatile String current = "";
    private volatile SceneDefinition currentDefinition;
    private volatile int playlistIndex;
    private volatile long enteredNanos;
    private volatile boolean asleep;
    private volatile String lastError = "";
    /** The scene last refused (its files had an error), until a scene is shown; tried again when it is edited. */
    private volatile String refused = "";
    private volatile java.util.function.Consumer<String> errorListener = error -> { };
    private final List<SceneChangeListener> changeListeners = new CopyOnWriteArrayList<>();
    private volatile SceneChangeListener comingListener = (scene, transition) -> { };
    private volatile java.util.function.Consumer<Boolean> sleepListener = nowAsleep -> { };
    private volatile boolean rotates = true;
    private String attractReturn;
    private IdleBehaviour attractIdle;
    private long lastPresenceNanos;

    /** @param showcase the cameras and models the scenes may name (a scene naming others is refused) */
    public ScenePlayer(Path scenesFolder, SceneFiles.Showcase showcase, List<PlaylistEntry> playlist, Stage stage, SceneResources resources,
                       LongSupplier clock) {
        this.scenesFolder = scenesFolder;
        this.showcase = showcase;
        this.playlist = List.copyOf(playlist);
        this.stage = stage;
        this.resources = resources;
        this.bus = resources.signals();
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("liquide-scenes").daemon().unstarted(r));
    }

    /** Told each scene change's outcome: the errors, or an empty string after a success. */
    public void onOutcome(java.util.function.Consumer<String> listener) {
        this.errorListener = listener;
    }

    /** Told of every change to another scene (not of reloads), on the player's thread. */
    @FunctionalInterface
    public interface SceneChangeListener {
        void changed(String scene, double transitionSeconds);
    }

    /** Adds a listener told of every change to another scene, after those added before it. */
    public void onSceneChange(SceneChangeListener listener) {
        changeListeners.add(listener);
    }

    /**
     * Told of every change to another scene just before the stage is handed it, on the player's thread:
     * what must be ready by the scene's first frame (its soundtrack, which its first storyboard cue plays).
     */
    public void onSceneComing(SceneChangeListener listener) {
        this.comingListener = listener;
    }

    /** Told on the player's thread when the show falls asleep (true) or wakes (false). */
    public void onSleepChange(java.util.function.Consumer<Boolean> listener) {
        this.sleepListener = listener;
    }

    /**
     * Stops the playlist's rotation and the attract behaviour: scenes change only when told (a runtime that
     * follows another one's lead).
     */
    public void followOnly() {
        rotates = false;
    }

    /** Shows the first scene (the playlist's unless another is named) and starts following the playlist. */
    public ScenePlayer start(Optional<String> first) {
        String scene = first.orElse(playlist.getFirst().scene());
        int index = indexOf(scene);
        playlistIndex = Math.max(0, index);
        executor.execute(() -> show(scene, 0));
        executor.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The scenes that can be switched to: the playlist's first, then the others in the folder. */
    public List<String> scenes() {
        List<String> names = new java.util.ArrayList<>(playlist.stream().map(PlaylistEntry::scene).distinct().toList());
        ShowcaseFiles.knownScenes(scenesFolder).stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    public void switchTo(String name) {
        switchTo(name, SCENE_TRANSITION);
    }

    /** Crossfades to a scene over the given time ({@link #SCENE_TRANSITION}: its own); the scene already shown stays as it is. */
    public void switchTo(String name, double transitionSeconds) {
        if (!scenes().contains(name)) {
            throw new IllegalArgumentException("no scene '" + name + "'; scenes: " + String.join(", ", scenes()));
        }
        requestScene(() -> {
            int index = indexOf(name);
            if (index >= 0) {
                playlistIndex = index;
            }
            attractReturn = null;
            if (!name.equals(current) || asleep) {
                show(name, transitionSeconds);
            }
        });
    }

    public void next() {
        requestScene(this::advance);
    }

    /**
     * A file of a scene that is not on screen changed. The scene the player last refused (it never reached the
     * screen) is tried again, unless the show sleeps; any other is read and checked, and its errors logged.
     */
    public void changedOffScreen(String name) {
        executor.execute(() -> {
            if (name.equals(refused) && !asleep) {
                LOG.info("scene {} changed: trying it again", name);
                show(name, SCENE_TRANSITION);
                return;
            }
            ConfigResult<SceneDefinition> result = SceneFiles.load(scenesFolder.resolve(name), showcase);
            if (result.errors().isEmpty()) {
                LOG.info("scene {} changed (not on screen): it reads well", name);
            } else {
                LOG.error("scene {} changed (not on screen) and has errors:{}{}", name, System.lineSeparator(),
                        result.errors().stream().map(ConfigError::toString).collect(Collectors.joining(System.lineSeparator())));
            }
        });
    }

    /** Reads and prepares the current scene again (its files changed); an invalid edit keeps what runs. */
    public void reload() {
        requestScene(() -> show(current, RELOAD_TRANSITION_SECONDS));
    }

    public void sleep() {
        sleepRequest.set(true);
        scheduleRequests();
    }

    public void wake() {
        sleepRequest.set(false);
        scheduleRequests();
    }

    private void goToSleep() {
        boolean was = asleep;
        asleep = true;
        stage.offer(new StageCommand.Sleep());
        requested.info("show asleep");
        if (!was) {
            sleepListener.accept(true);
        }
    }

    private void wakeUp() {
        if (asleep) {
            asleep = false;
            requested.info("show awake");
            sleepListener.accept(false);
            enteredNanos = clock.getAsLong(); // the scene gets a whole turn after the night
            show(playlist.get(playlistIndex).scene(), SCENE_TRANSITION);
        }
    }

    /** Shows a scene instead of sleeping (the schedule's out-of-hours scene). */
    public void showOutsideHours(String name) {
        requestScene(() -> show(name, SCENE_TRANSITION));
    }

    private void requestScene(Runnable action) {
        sceneRequest.set(action);
        scheduleRequests();
    }

    /** Schedules at most one run on the player's thread for any number of requests: the latest ones are carried out. */
    private void scheduleRequests() {
        if (!requestsScheduled.compareAndSet(false, true)) {
            return;
        }
        carryOutRequestsIn(nanosToWait());
    }

    /**
     * How long the requests wait yet: the pace counts from the end of the last run, so a request that came
     * while that run was preparing a scene waits its turn too (it was scheduled before the run ended).
     */
    private long nanosToWait() {
        return requestCarriedOut ? Math.max(0, MIN_MILLIS_BETWEEN_REQUESTS * 1_000_000L - (clock.getAsLong() - lastRequestNanos)) : 0;
    }

    private void carryOutRequestsIn(long nanos) {
        try {
            executor.schedule(this::carryOutRequests, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the player is closing: nothing more is shown
        }
    }

    private void carryOutRequests() {
        long wait = nanosToWait();
        if (wait > 0) {
            carryOutRequestsIn(wait);
            return;
        }
        requestsScheduled.set(false); // before taking them: a request from now on schedules another run
        Boolean sleep = sleepRequest.getAndSet(null);
        Runnable scene = sceneRequest.getAndSet(null);
        if (sleep != null) {
            if (sleep) {
                goToSleep();
            } else {
                wakeUp();
            }
        }
        if (scene != null) {
            scene.run();
        }
        lastRequestNanos = clock.getAsLong();
        requestCarriedOut = true;
    }

    private void advance() {
        if (playlist.isEmpty()) {
            return;
        }
        playlistIndex = (playlistIndex + 1) % playlist.size();
        attractReturn = null;
        PlaylistEntry entry = playlist.get(playlistIndex);
        show(entry.scene(), entry.transitionSeconds());
    }

    private void tick() {
        try {
            if (asleep || current.isEmpty() || !rotates) {
                return;
            }
            long now = clock.getAsLong();
            if (attractReturn == null && !playlist.isEmpty()) {
                PlaylistEntry entry = playlist.get(playlistIndex);
                if (entry.scene().equals(current) && now - enteredNanos > entry.durationSeconds() * 1e9 && playlist.size() > 1) {
                    advance();
                    return;
                }
            }
            checkPresence(now);
        } catch (RuntimeException e) {
            LOG.error("scene player tick failed", e);
        }
    }

    private void checkPresence(long now) {
        SceneDefinition definition = currentDefinition;
        if (attractReturn != null) {
            if (present(attractIdle, now)) {
                String back = attractReturn;
                attractReturn = null;
                LOG.info("someone is there: back to {}", back);
                show(back, SCENE_TRANSITION);
            }
            return;
        }
        if (definition == null || definition.idle().isEmpty() || definition.idle().get().attractScene().isEmpty()) {
            return;
        }
        IdleBehaviour idle = definition.idle().get();
        if (present(idle, now)) {
            lastPresenceNanos = now;
        } else if (now - Math.max(lastPresenceNanos, enteredNanos) > idle.afterSeconds() * 1e9) {
            attractReturn = current;
            attractIdle = idle;
            LOG.info("nobody for {} s: attract scene {}", (long) idle.afterSeconds(), idle.attractScene().get());
            show(idle.attractScene().get(), SCENE_TRANSITION);
        }
    }

    private boolean present(IdleBehaviour idle, long now) {
        Signal signal = bus.signal(idle.presenceSignal());
        return signal.read(sample) && now - sample.receivedNanos() < 5_000_000_000L && sample.value(0) >= 0.5;
    }

    private int indexOf(String name) {
        for (int i = 0; i < playlist.size(); i++) {
            if (playlist.get(i).scene().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<SceneDefinition> load(String name) {
        ConfigResult<SceneDefinition> result = SceneFiles.load(scenesFolder.resolve(name), showcase);
        if (result instanceof ConfigResult.Valid<SceneDefinition> valid) {
            return Optional.of(valid.value());
        }
        report(name, result.errors().stream().map(ConfigError::toString).collect(Collectors.joining(System.lineSeparator())));
        return Optional.empty();
    }

    private void show(String name, double transitionSeconds) {
        Optional<SceneDefinition> definition = load(name);
        if (definition.isEmpty()) {
            return;
        }
        double seconds = Double.isNaN(transitionSeconds) ? definition.get().transitionSeconds() : transitionSeconds;
        PreparedScene prepared;
        try {
            prepared = ScenePreparer.prepare(definition.get(), resources);
        } catch (ScenePreparationException | RuntimeException e) {
            report(name, e.getMessage());
            return;
        }
        boolean changed = !name.equals(current);
        if (changed) {
            comingListener.changed(name, seconds);
        }
        if (!stage.offer(new StageCommand.Show(prepared, seconds))) {
            prepared.discard();
            report(name, "the stage is busy; try again");
            return;
        }
        current = name;
        currentDefinition = definition.get();
        if (changed) {
            // A reload (an edited scene file) keeps the scene's turn in the playlist where it was.
            enteredNanos = clock.getAsLong();
            lastPresenceNanos = enteredNanos;
        }
        lastError = "";
        refused = "";
        errorListener.accept("");
        if (changed) {
            changeListeners.forEach(listener -> listener.changed(name, seconds));
        }
    }

    private void report(String scene, String error) {
        refused = scene;
        lastError = error;
        errorListener.accept(error);
        requested.error("scene {} not shown ({} stays on screen):{}{}", scene, current.isEmpty() ? "black" : current,
                System.lineSeparator(), error);
    }

    /** The scene last sent to the stage. */
    public String current() {
        return current;
    }

    public SceneDefinition currentDefinition() {
        return currentDefinition;
    }

    /** The playlist's next scene, or empty when there is no playlist rotation. */
    public String nextScene() {
        return playlist.size() < 2 ? "" : playlist.get((playlistIndex + 1) % playlist.size()).scene();
    }

    /** Seconds before the playlist moves on, or -1. */
    public double secondsToNext() {
        if (playlist.size() < 2 || asleep || attractReturn != null) {
            return -1;
        }
        PlaylistEntry entry = playlist.get(playlistIndex);
        return Math.max(0, entry.durationSeconds() - (clock.getAsLong() - enteredNanos) / 1e9);
    }

    public boolean asleep() {
        return asleep;
    }

    /** Why the last scene change failed, empty after a success. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
