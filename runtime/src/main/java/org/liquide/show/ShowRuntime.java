package org.liquide.show;

import org.liquide.show.api.ShowControl;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.net.PortUnavailableException;
import org.liquide.config.ConfigResult;
import org.liquide.generate.engine.OrtBuild;
import org.liquide.hardware.node.SimulatedNode;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.NodeFileResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.record.ConfigHistory;
import org.liquide.record.InteractionCounter;
import org.liquide.record.Journal;
import org.liquide.record.SnapshotWriter;
import org.liquide.render.FrameTimeLogger;
import org.liquide.render.readback.JpegPreviews;
import org.liquide.render.readback.PreviewFrames;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.oscout.OscOut;
import org.liquide.dmx.DmxLevels;
import org.liquide.dmx.DmxOut;
import org.liquide.midi.MidiLearn;
import org.liquide.midi.MidiPorts;
import org.liquide.midi.MidiRuntime;
import org.liquide.show.sync.ShowCommand;
import org.liquide.show.sync.ShowSync;
import org.liquide.showcase.SyncRole;
import org.liquide.scene.SceneInstance;
import org.liquide.scene.SceneResources;
import org.liquide.show.schedule.Scheduler;
import org.liquide.show.stage.Stage;
import org.liquide.show.status.ShowStatus;
import org.liquide.systemd.HeartbeatWatchdog;
import org.liquide.systemd.SystemdNotifier;
import org.liquide.showcase.CameraConfig;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.signal.SignalBus;
import org.liquide.signal.source.CameraVisionSource;
import org.liquide.sound.input.AudioInputs;
import org.liquide.sound.output.AudioOutput;
import org.liquide.sound.output.SceneSoundtracks;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.signal.source.NodeRoster;
import org.liquide.signal.source.OscSignalSource;
import org.liquide.signal.source.ReadingBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A showcase running: cameras, signal sources and simulated nodes, the stage drawn by the render loop,
 * the scene player, the schedule, the watchdog. The panel, OSC and the broker act on it through its
 * {@link #control()}, a {@link ShowCommands}. Built from a validated configuration: {@link #open} binds its ports and starts its
 * inputs, {@link #start} starts drawing; in between the composition root ({@code org.liquide.app}) attaches what
 * acts on it.
 */
public final class ShowRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShowRuntime.class);
    /** Exit status asking systemd for a restart (the daily restart): EX_TEMPFAIL. */
    public static final int RESTART_EXIT_CODE = 75;
    private final Object closeLock = new Object();
    private boolean closed;

    private final ShowcaseConfig config;
    private final RunOptions options;
    private final SignalBus bus = new SignalBus();
    private final Map<String, CameraFeed> cameras = new LinkedHashMap<>();
    private final AudioInputs audioInputs;
    private final AudioOutput audioOutput;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Stage stage;
    private final RenderLoop loop;
    private final ScenePlayer player;
    private final ShowStatusReporter reporter;
    private final Scheduler scheduler;
    private final RehearsalBoard rehearsal;
    private final MqttSignalSource mqtt;
    private final ShowSync sync;
    private final Journal journal;
    private final SceneJournal sceneJournal;
    private final ShowFrameContent content;
    private final SceneResources sceneResources;
    private final JpegPreviews previews;
    private final SnapshotWriter snapshots;
    private final InteractionCounter interactions;
    private final ShowRecording recording;
    private final ShowCommands commands;
    private volatile java.net.URI panelUrl;
    private final OscSignalSource osc;
    private final OscOut oscOut;
    // DMX out (org.liquide.dmx): null without a dmx section
    private final DmxLevels dmxLevels;
    private final DmxOut dmxOut;
    // MIDI (org.liquide.midi): null without a midi section; the bindings learnt from the panel, for every scene built
    private final MidiRuntime midi;
    private final List<org.liquide.signal.mapping.MappingSpec> learnt = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String reloadError = "";
    private volatile boolean restartRequested;

    private ShowRuntime(ShowcaseConfig config, RunOptions options) throws IOException {
        this.config = config;
        this.options = options;
        // The port first: when it is taken, the start stops before any camera or thread has started.
        if (config.osc().isPresent()) {
            var osc = config.osc().get();
            try {
                this.osc = new OscSignalSource(bus, new InetSocketAddress(osc.host(), osc.port()), osc.signalsFrom(), osc.commandsFrom());
            } catch (PortUnavailableException e) {
                throw e.movedBy("osc.port in " + config.file());
            }
            resources.add(this.osc);
        } else {
            this.osc = null;
        }
        for (CameraConfig camera : config.cameras()) {
            CameraFeed feed = CameraFeed.of(camera.name(), CameraSpec.parse(camera.source()), camera.mirror());
            cameras.put(camera.name(), feed);
            if (camera.vision()) {
                resources.add(new CameraVisionSource(bus, feed, CameraVisionSource.Settings.defaults()).start());
            }
        }
        cameras.values().forEach(CameraFeed::start);
        resources.addAll(cameras.values());
        // sound: the inputs the show listens to publish on the bus
        this.audioInputs = AudioInputs.start(config.audio(), bus);
        resources.add(audioInputs);

        List<NodeConfig> configured = nodeConfigs();
        NodeRoster roster = NodeRoster.of(configured);
        ReadingBridge simulated = new ReadingBridge(bus, "simulated", roster);
        List<NodeConfig> nodes = config.simulateNodes() ? configured : List.of();
        if (options.rehearsal()) {
            rehearsal = new RehearsalBoard(nodes, simulated);
            resources.add(rehearsal);
        } else {
            rehearsal = null;
            nodes.forEach(node -> resources.add(SimulatedNode.start(node, simulated)));
        }
        mqtt = config.broker().map(broker -> new MqttSignalSource(bus, broker, config.brokerSecurity(),
                "liquide/runtimes/" + config.machine() + "/status", roster)).orElse(null);
        if (mqtt != null) {
            resources.add(mqtt);
        }

        this.oscOut = config.oscOut().isEmpty() ? null : new OscOut(config.oscOut(), bus, Clock.systemUTC()).start();
        if (oscOut != null) {
            resources.add(oscOut);
        }

        // DMX out: channel levels set by the scenes' mappings, sent from the DMX thread
        this.dmxLevels = config.dmx().enabled() ? new DmxLevels(config.dmx().channels()) : null;
        this.dmxOut = dmxLevels == null ? null : new DmxOut(config.dmx(), dmxLevels, config.name() + " " + config.machine()).start();
        if (dmxOut != null) {
            resources.add(dmxOut);
        }

        this.midi = config.midi().enabled() ? new MidiRuntime(config.midi(), config.playlist().stream().map(p -> p.scene()).toList(),
                bus, MidiPorts.SYSTEM, Duration.ofSeconds(2), this::learnt).start() : null;
        if (midi != null) {
            resources.add(midi);
        }

        // sound: the scenes' soundtracks and storyboard cues, when the showcase has an output
        this.audioOutput = config.audio().output().map(spec -> new AudioOutput(spec).start()).orElse(null);
        if (audioOutput != null) {
            resources.add(audioOutput);
        }
        this.sceneResources = new ShowSceneResources(bus, cameras, options.output(), oscOut, audioOutput, learnt, dmxLevels, config.models());
        this.journal = new Journal(config.recording().journal().resolve(config.name()), config.schedule().hours().zone());
        this.sceneJournal = new SceneJournal(journal, sceneResources);
        this.stage = new Stage(sceneResources, sceneJournal::sceneShown);
        this.content = new ShowFrameContent(stage, options.output().width(), options.output().height(),
                config.recording().includeCamera());
        OutputSettings output = config.displays().isEmpty() ? options.output() : options.output().withDisplays(config.displays());
        this.loop = new RenderLoop(output, (width, height) -> content);
        resources.add(new FrameTimeLogger(loop.frameTimes()));
        this.previews = new JpegPreviews(0.8f);
        previews.addOutput("main", content.previews());
        config.displays().forEach(display -> previews.addAlias(display.name(), "main"));
        content.tapPreviewsWhen(previews::watched);
        resources.add(previews.start());
        this.player = new ScenePlayer(config.scenesFolder(), org.liquide.showcase.ShowcaseValidation.context(config), config.playlist(),
                stage, sceneResources, bus::nowNanos);
        this.sync = mqtt == null ? null : new ShowSync(config.name(), config.machine(), config.sync(), mqtt, bus, this::follow);
        boolean lead = sync != null && config.sync() == SyncRole.LEAD;
        SceneSoundtracks soundtracks = audioOutput == null ? null : new SceneSoundtracks(config.scenesFolder(), audioOutput, bus);
        if (soundtracks != null) {
            player.onSceneComing(soundtracks::sceneChanged);
        }
        player.onSceneChange((scene, transition) -> {
            if (lead) {
                sync.publish(new ShowCommand.SwitchScene(scene, transition));
            }
            if (oscOut != null) {
                oscOut.sceneChanged(scene);
            }
            if (midi != null) {
                midi.sceneChanged(scene);
            }
        });
        player.onSleepChange(asleep -> {
            if (oscOut != null) {
                oscOut.asleep(asleep);
            }
            if (dmxOut != null) {
                dmxOut.asleep(asleep);
            }
            if (audioOutput != null) {
                audioOutput.asleep(asleep);
            }
        });
        if (config.sync() == SyncRole.FOLLOW && sync != null) {
            player.followOnly();
        }
        this.scheduler = new Scheduler(config.schedule().hours(), config.schedule().dailyRestart(), Clock.systemUTC(),
                new ShowSchedule(player, config.schedule(), () -> {
                    restartRequested = true;
                    loop.stop();
                }));
        this.reporter = new ShowStatusReporter(config, bus, cameras, player, loop, simulated, mqtt, stage, sync,
                scheduler::closedUntil);
        this.snapshots = new SnapshotWriter(journal, content.journalFrames(), config.recording().snapshotEverySeconds(), player::current,
                content::takeJournalFrameSoon);
        resources.add(snapshots.start());
        resources.add(new ConfigHistory(journal, configFiles(config), config.file().toAbsolutePath().getParent().getParent()).start());
        this.interactions = new InteractionCounter(bus, journal, config.schedule().hours().zone());
        this.recording = new ShowRecording(journal, content, player::current, audioOutput,
                config.recording().includeMicrophone() && !audioInputs.inputs().isEmpty() ? audioInputs.inputs().getFirst() : null);
        List<Consumer<Boolean>> blackoutOutputs = new ArrayList<>();
        if (oscOut != null) {
            blackoutOutputs.add(oscOut::blackout);
        }
        if (dmxOut != null) {
            blackoutOutputs.add(dmxOut::blackout);
        }
        if (audioOutput != null) {
            blackoutOutputs.add(audioOutput::blackout);
        }
        this.commands = new ShowCommands(this::status, player, stage, blackoutOutputs, sync, config.sync(), snapshots,
                recording, journal, loop, rehearsal, Optional.ofNullable(midi).map(MidiRuntime::learn));
        // the broker once the commands exist: what other runtimes send is followed from the first message
        if (mqtt != null) {
            mqtt.start();
        }
        player.onOutcome(error -> reloadError = error);
        stage.onShaderReload(error -> reloadError = error);
        resources.add(new SceneWatcher(config.scenesFolder(), stage, player, error -> reloadError = error).start());
        if (osc != null) {
            osc.start();
        }
    }

    /**
     * Says at start which ONNX Runtime this build runs, and warns when a model asks for a GPU provider it does
     * not carry. Off the main thread: the GPU build unpacks its native libraries (seconds) on first use.
     */
    private static void reportOnnxRuntime(ShowcaseConfig config) {
        Thread.ofVirtual().name("liquide-onnxruntime-report").start(() -> {
            try {
                OrtBuild build = OrtBuild.current();
                LOG.info("{}", build.describe());
                config.models().values().stream()
                        .filter(model -> !build.gpuBuild() && (model.device().startsWith("cuda") || model.device().startsWith("tensorrt")))
                        .forEach(model -> LOG.warn("model '{}' asks for {}, which this CPU build of ONNX Runtime lacks:"
                                + " it runs on the CPU (./liquide build --cuda)", model.name(), model.device()));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("ONNX Runtime is not usable: {}", e.getMessage());
            }
        });
    }

    /**
     * Builds a showcase from its validated configuration: binds the OSC port first (a taken port stops it before
     * anything started), opens cameras, inputs and outputs. Nothing is drawn until {@link #start}; close it if
     * that is never called.
     */
    public static ShowRuntime open(ShowcaseConfig config, RunOptions options) throws IOException {
        reportOnnxRuntime(config);
        return new ShowRuntime(config, options);
    }

    /** Opens and starts a showcase with nothing attached (no panel, no OSC commands): the demo. */
    public static ShowRuntime start(ShowcaseConfig config, RunOptions options) throws IOException {
        ShowRuntime runtime = open(config, options);
        runtime.start();
        return runtime;
    }

    /** Starts OSCQuery, the render loop, the scene player, the schedule and the watchdog; closes the show if one fails. */
    public void start() throws IOException {
        ShowRuntime runtime = this;
        try {
            if (runtime.osc != null) {
                runtime.startOscQuery();
            }
            runtime.resources.add(Thread.ofPlatform().name("liquide-journal-interactions").daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    runtime.interactions.check(java.time.Instant.now());
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            })::interrupt);
            runtime.loop.start();
            runtime.player.start(options.firstScene());
            if (!options.ignoreSchedule()) {
                runtime.scheduler.start();
            }
            Optional<SystemdNotifier> notifier = SystemdNotifier.fromEnvironment();
            Duration period = SystemdNotifier.watchdogInterval().map(d -> d.dividedBy(2)).orElse(Duration.ofSeconds(2));
            notifier.ifPresent(n -> {
                n.send("READY=1"); // ready first: systemd ignores watchdog pings before it
                runtime.resources.add(n);
            });
            runtime.resources.add(new HeartbeatWatchdog("render thread", runtime.loop::lastFrameNanos, Duration.ofSeconds(5), period, notifier,
                    System::nanoTime).start());
        } catch (IOException | RuntimeException e) {
            runtime.close(); // what started before the failure (cameras, broker, threads) stops with it
            throw e;
        }
    }

    /** Where OSC commands ({@code /liquide/...}) go; nowhere without an OSC input. Before {@link #start}. */
    public void onOscCommand(BiConsumer<String, List<Object>> handler) {
        if (osc != null) {
            osc.onCommand(handler);
        }
    }

    /** JPEG previews of the outputs, encoded while someone watches. */
    public PreviewFrames previews() {
        return previews;
    }

    /** A control panel serving this show at {@code url}, closed with it. */
    public void attachPanel(java.net.URI url, AutoCloseable panel) {
        resources.add(panel);
        panelUrl = url;
    }

    /** Something the composition root made for this show (and nobody else closes), closed with it, in reverse order. */
    public void closeWithShow(AutoCloseable resource) {
        resources.add(resource);
    }

    // OSCQuery: the OSC input's addresses described over HTTP, WebSocket and mDNS, on with OSC unless osc.query says not.
    private void startOscQuery() throws IOException {
        org.liquide.showcase.OscConfig oscConfig = config.osc().orElseThrow();
        if (!oscConfig.query().enabled()) {
            return;
        }
        var settings = new org.liquide.oscquery.OscQuerySettings(oscConfig.host(), oscConfig.query().port(), config.name(), config.machine(),
                osc.localAddress().getPort(), oscConfig.commandsFrom(), oscConfig.query().announce());
        var namespace = new ShowNamespace("Liquide: " + config.name() + " on " + config.machine(), config.scenesFolder(),
                org.liquide.showcase.ShowcaseValidation.context(config), player, stage, bus, commands::blackedOut);
        try {
            resources.add(new org.liquide.oscquery.OscQueryServer(settings, namespace).start());
        } catch (java.net.BindException e) {
            throw new PortUnavailableException("OSCQuery", "tcp " + settings.host() + ":" + settings.port(), e.getMessage(), e)
                    .movedBy("osc.query.port in " + config.file());
        }
    }

    /** The files whose versions the journal keeps: the showcase file, its node files, its scenes. */
    private static List<Path> configFiles(ShowcaseConfig config) {
        List<Path> files = new ArrayList<>();
        files.add(config.file());
        files.addAll(config.nodes());
        files.add(config.scenesFolder());
        return files;
    }

    private List<NodeConfig> nodeConfigs() {
        List<NodeConfig> nodes = new ArrayList<>();
        for (Path file : config.nodes()) {
            if (NodeFiles.load(file) instanceof NodeFileResult.Valid valid) {
                nodes.add(valid.config());
            }
        }
        return nodes;
    }

    /**
     * A control bound by MIDI learn: it moves its target from now on, in this scene (built again with it, as after an
     * edit) and the next ones that have that target, until the runtime stops. The log gives the line to keep it.
     */
    private void learnt(MidiLearn.Binding binding) {
        learnt.removeIf(spec -> spec.target().equals(binding.target()));
        learnt.add(new org.liquide.signal.mapping.MappingSpec(binding.signal(), 0, List.of(), binding.target(), 0, 3, 0));
        LOG.info("MIDI learn: {} moves {}; to keep it, add to the scene's mappings: {}", binding.signal(), binding.target(),
                binding.mapping());
        player.reload();
    }

    /** The sound output, when the showcase has one. */
    public java.util.Optional<AudioOutput> audioOutput() {
        return java.util.Optional.ofNullable(audioOutput);
    }

    public RenderLoop loop() {
        return loop;
    }

    /** The name of the scene the render thread shows (the player may already be preparing the next), or "". */
    public String sceneOnStage() {
        SceneInstance shown = stage.shown();
        return shown == null ? "" : shown.name();
    }

    /**
     * The last hot-reload error (a shader or sketch that did not compile, a scene that did not read),
     * empty when the last reload succeeded.
     */
    public String reloadError() {
        return reloadError;
    }

    public Optional<CameraFeed> camera(String name) {
        return Optional.ofNullable(cameras.get(name));
    }

    public SignalBus bus() {
        return bus;
    }

    public ScenePlayer player() {
        return player;
    }

    /**
     * Makes every model of the scene shown fail at its next image, as a crash inside it would: the
     * endurance run's generator fault. Returns how many generators were told.
     */
    public int failGenerators(String reason) {
        SceneInstance scene = stage.shown();
        if (scene == null) {
            return 0;
        }
        scene.generators().values().forEach(generator -> generator.worker().failNextGeneration(reason));
        return scene.generators().size();
    }

    /** Where the control panel listens (its port chosen when the configuration says 0), or empty without a panel. */
    public Optional<java.net.URI> panelUrl() {
        return Optional.ofNullable(panelUrl);
    }

    /** True when the loop ended for the daily restart (exit with {@link #RESTART_EXIT_CODE}). */
    public boolean restartRequested() {
        return restartRequested;
    }

    /** A command from another runtime or a show controller (through the broker, once it started). */
    private void follow(ShowCommand command) {
        commands.follow(command);
    }

    /** What the panel, OSC and the broker act through: the commands of this show. */
    public ShowControl control() {
        return commands;
    }

    public ShowStatus status() {
        return reporter.status(commands.blackedOut(), rehearsal != null, reloadError).withSound(SoundReport.of(audioInputs, audioOutput));
    }

    public Journal journal() {
        return journal;
    }

    /**
     * Stops the show and frees what it holds, once: a second caller (the main thread, once the shutdown
     * hook's close has ended the render loop) waits until the first has finished, then returns. Two closes
     * running side by side freed native frames twice.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            closeOnce();
        }
    }

    private void closeOnce() {
        recording.close();
        player.close();
        scheduler.close();
        loop.stop();
        try {
            loop.awaitFinished(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing {}", resources.get(i), e);
            }
        }
        sceneJournal.close();
    }

    /** Reads a showcase file, or throws with every error as file:line:col. */
    public static ShowcaseConfig load(Path file) {
        ConfigResult<ShowcaseConfig> result = org.liquide.showcase.ShowcaseFiles.load(file);
        if (result instanceof ConfigResult.Valid<ShowcaseConfig> valid) {
            return valid.value();
        }
        throw new IllegalArgumentException(String.join(System.lineSeparator(),
                result.errors().stream().map(Object::toString).toList()));
    }
}
