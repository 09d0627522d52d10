package org.liquide.show;

import java.util.Optional;

import java.util.function.Supplier;

import org.liquide.camera.CameraFeed;
import org.liquide.render.FrameTimeSummary;
import org.liquide.render.RenderLoop;
import org.liquide.render.output.DisplaySetup;
import org.liquide.render.output.Displays;
import org.liquide.generate.worker.WorkerStats;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.scene.SceneInstance;
import org.liquide.show.stage.Stage;
import org.liquide.show.sync.ShowSync;
import org.liquide.show.status.DeviceStatus;
import org.liquide.show.status.FrameStatus;
import org.liquide.show.status.GeneratorStatus;
import org.liquide.show.status.OutputStatus;
import org.liquide.show.status.ShowStatus;
import org.liquide.show.status.SignalRows;
import org.liquide.show.status.SignalStatus;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.signal.SignalBus;
import org.liquide.show.status.InputStatus;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.signal.source.ReadingBridge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the status snapshot the panel and the API show, from what each part exposes without locks
 * (volatile fields, lock-free reads). Called from the panel's threads, never the render thread.
 */
final class ShowStatusReporter {

    private final ShowcaseConfig config;
    private final SignalBus bus;
    private final Map<String, CameraFeed> cameras;
    private final ScenePlayer player;
    private final RenderLoop loop;
    private final ShowSync sync;
    private final ReadingBridge simulated;
    private final MqttSignalSource mqtt;
    private final Stage stage;
    private volatile FrameTimeSummary lastSummary;
    private final Supplier<Optional<String>> closedUntil;

    ShowStatusReporter(ShowcaseConfig config, SignalBus bus, Map<String, CameraFeed> cameras, ScenePlayer player,
                       RenderLoop loop, ReadingBridge simulated, MqttSignalSource mqtt, Stage stage, ShowSync sync,
                       Supplier<Optional<String>> closedUntil) {
        this.closedUntil = closedUntil;
        this.stage = stage;
        this.config = config;
        this.bus = bus;
        this.cameras = cameras;
        this.player = player;
        this.loop = loop;
        this.sync = sync;
        this.simulated = simulated;
        this.mqtt = mqtt;
    }

    /** Takes no lock: the panel's threads never wait on one another, nor on the broker's. */
    ShowStatus status(boolean blackout, boolean rehearsal, String problem) {
        return new ShowStatus(config.name(), config.machine(), Instant.now(), player.current(), description(),
                player.nextScene(),
                player.secondsToNext(), blackout, player.asleep(),
                player.asleep() ? closedUntil.get().orElse("") : "", rehearsal, problem, frames(), outputs(), generators(),
                signals(), cameras(), nodes(), runtimes(), inputs());
    }

    private List<InputStatus> inputs() {
        return bus.sources().stream()
                .map(source -> InputStatus.of(source.source(), source.accepted(), source.droppedByReason())).toList();
    }

    private String description() {
        SceneDefinition scene = player.currentDefinition();
        return scene == null ? "" : scene.description();
    }

    private FrameStatus frames() {
        float[] recent = new float[240];
        int count = loop.frameTimes().recentIntervalsMillis(recent);
        float[] intervals = java.util.Arrays.copyOf(recent, count);
        double sum = 0;
        double max = 0;
        float[] sorted = intervals.clone();
        java.util.Arrays.sort(sorted);
        for (float interval : intervals) {
            sum += interval;
            max = Math.max(max, interval);
        }
        double fps = count == 0 || sum == 0 ? 0 : count / (sum / 1000);
        return new FrameStatus(fps, percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99), max,
                loop.framesRendered(), intervals);
    }

    private static double percentile(float[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private List<OutputStatus> outputs() {
        String kind = loop.presentsToScreen() ? "window" : "offscreen";
        Displays displays = loop.displays();
        List<OutputStatus> outputs = new ArrayList<>();
        if (displays == null) {
            List<double[]> corners = List.of(new double[]{0, 0}, new double[]{1, 0}, new double[]{1, 1}, new double[]{0, 1});
            outputs.add(new OutputStatus("main", kind, config.output().width(), config.output().height(), corners));
            return outputs;
        }
        Map<String, double[][]> corners = displays.corners();
        for (DisplaySetup setup : displays.setups()) {
            outputs.add(new OutputStatus(setup.name(), kind, setup.width(), setup.height(), List.of(corners.get(setup.name()))));
        }
        return outputs;
    }

    private List<GeneratorStatus> generators() {
        SceneInstance scene = stage.shown();
        List<GeneratorStatus> list = new ArrayList<>();
        if (scene == null) {
            return list;
        }
        scene.generators().forEach((layer, generator) -> {
            WorkerStats stats = generator.worker().stats();
            String state = switch (stats.status()) {
                case RUNNING -> "running";
                case FALLBACK -> "fallback";
                case LOADING -> "loading";
                case IDLE -> "idle";
                case STOPPED -> "stopped";
            };
            list.add(new GeneratorStatus(layer, stats.generator(), stats.device(), state, stats.framesPerSecond(),
                    generator.latencyMillis(), stats.skippedInputs(), stats.similaritySkipRatio(), stats.lastError(),
                    stats.deviceWarning()));
        });
        return list;
    }

    private List<SignalStatus> signals() {
        SceneInstance scene = stage.shown();
        return SignalRows.perSignal(bus, scene == null ? List.of() : scene.mappings());
    }

    private List<DeviceStatus> cameras() {
        List<DeviceStatus> list = new ArrayList<>();
        cameras.forEach((name, feed) -> list.add(new DeviceStatus(name, switch (feed.status()) {
            case LIVE -> "online";
            case LOST -> "lost";
            case CONNECTING -> "stale";
            case STOPPED -> "offline";
        }, feed.lastError())));
        return list;
    }

    private List<DeviceStatus> nodes() {
        Map<String, ReadingBridge.NodeState> broker = mqtt == null ? Map.of() : mqtt.readings().nodes();
        Map<String, ReadingBridge.NodeState> all = new HashMap<>(simulated.nodes());
        all.putAll(broker);
        long now = bus.nowNanos();
        List<DeviceStatus> list = new ArrayList<>();
        all.forEach((name, state) -> list.add(new DeviceStatus(name, state.condition(now, SignalRows.SILENT_SECONDS),
                broker.containsKey(name) ? "broker" : "simulated")));
        list.sort(java.util.Comparator.comparing(DeviceStatus::name));
        return list;
    }

    private List<DeviceStatus> runtimes() {
        List<DeviceStatus> list = new ArrayList<>();
        String role = sync == null ? "this machine" : "this machine, " + sync.role().yamlName();
        list.add(new DeviceStatus(config.machine(), "online", role));
        if (sync != null) {
            sync.peers().forEach((machine, state) -> list.add(new DeviceStatus(machine, state, "broker")));
        }
        return list;
    }
}
