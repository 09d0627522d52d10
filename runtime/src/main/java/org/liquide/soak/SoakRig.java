package org.liquide.soak;

import org.liquide.app.ShowLauncher;
import org.liquide.camera.TestPatternClip;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.node.SimulatedNode;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.NodeFileResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.hardware.node.mqtt.MqttReadingSink;
import org.liquide.hardware.node.mqtt.MqttSettings;
import org.liquide.render.OutputSettings;
import org.liquide.show.RunOptions;
import org.liquide.show.ShowRuntime;
import org.liquide.showcase.OpeningHours;
import org.liquide.showcase.SyncRole;
import org.liquide.showcase.CameraConfig;
import org.liquide.showcase.ControlConfig;
import org.liquide.showcase.OutputConfig;
import org.liquide.showcase.PlaylistEntry;
import org.liquide.showcase.RecordingConfig;
import org.liquide.showcase.ScheduleConfig;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.showcase.ShowcaseFiles;
import org.liquide.sound.AudioConfig;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.decode.WavWriter;
import org.liquide.sound.output.AudioOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the endurance run needs, for real: a copy of the scenes (the run edits it), the test pattern
 * served as a network camera, a Mosquitto broker, the sensor nodes' simulated visitors publishing through
 * it, and the show itself, headless, playing every scene in turn with the built-in generator.
 */
final class SoakRig implements AutoCloseable {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    final Path work;
    final Path scenes;
    final CameraStreamServer camera;
    final MosquittoProcess broker;
    final ShowRuntime show;
    final List<String> playlist;
    private final List<AutoCloseable> nodes = new ArrayList<>();

    private SoakRig(Path work, Path scenes, CameraStreamServer camera, MosquittoProcess broker, ShowRuntime show, List<String> playlist) {
        this.work = work;
        this.scenes = scenes;
        this.camera = camera;
        this.broker = broker;
        this.show = show;
        this.playlist = playlist;
    }

    /** The rig for a run that plays each scene {@code sceneEvery} seconds in turn. */
    static SoakRig start(SoakOptions options) throws IOException {
        return start(options.scenes(), options.nodes(), options.sceneEvery());
    }

    static SoakRig start(Path sceneFolder, Path nodeFolder, double sceneEvery) throws IOException {
        Path work = Files.createTempDirectory("liquide-soak-");
        Path scenes = work.resolve("scenes");
        copy(sceneFolder, scenes);
        List<String> playlist = ShowcaseFiles.knownScenes(scenes);
        if (playlist.isEmpty()) {
            throw new IOException(sceneFolder + ": no scenes to play");
        }
        Path clip = TestPatternClip.write(work.resolve("salle.mp4"), WIDTH, HEIGHT, 10, 30);
        CameraStreamServer camera = new CameraStreamServer(clip);
        camera.start();
        MosquittoProcess broker = MosquittoProcess.start();
        List<Path> nodeFiles = nodeFiles(nodeFolder);
        ShowcaseConfig config = new ShowcaseConfig(work.resolve("showcase.yaml"), "soak", "soak", new OutputConfig(WIDTH, HEIGHT, 30),
                List.of(), List.of(new CameraConfig("salle", camera.url(), true, false)), Optional.of(URI.create(broker.url())),
                Optional.empty(), nodeFiles, false, Map.of(), scenes,
                new ScheduleConfig(OpeningHours.always(ZoneId.systemDefault()), Optional.empty(), Optional.empty()),
                playlist.stream().map(scene -> new PlaylistEntry(scene, sceneEvery, 2)).toList(),
                new ControlConfig(true, "127.0.0.1", 0, work.resolve("token"), false),
                new RecordingConfig(work.resolve("journal"), 60, false), SyncRole.PEER).withAudio(sound(work));
        Files.writeString(config.file(), "# The endurance run's showcase, built in code by liquide soak.\n");
        ShowRuntime show = ShowLauncher.start(config, new RunOptions(OutputSettings.defaults().withSize(WIDTH, HEIGHT)
                .withHeadless(true).withOffscreenFps(30), false, true, Optional.empty(), true));
        SoakRig rig = new SoakRig(work, scenes, camera, broker, show, playlist);
        rig.startNodes(nodeFiles, BrokerAddress.parse(broker.url()).orElseThrow());
        return rig;
    }

    /**
     * The show's sound: the default output (the launcher gives a machine with no sound card a private null sink)
     * and a rehearsal input looping a file of bells, analysed as a microphone would be.
     */
    private static AudioConfig sound(Path work) throws IOException {
        int rate = AudioOutput.RATE;
        float[] bells = new float[4 * rate];
        for (int i = 0; i < bells.length; i++) {
            double t = (i % rate) / (double) rate; // a struck 660 Hz bell each second
            bells[i] = (float) (0.3 * Math.exp(-6 * t) * Math.sin(2 * Math.PI * 660 * t));
        }
        Path file = WavWriter.write(work.resolve("bells.wav"), bells, rate);
        return new AudioConfig(List.of(new AudioInputSpec("salle", new AudioInputSpec.File(file))), Optional.of(AudioOutputSpec.DEFAULT));
    }

    /** The control panel's access token (made when the show started). */
    Path tokenFile() {
        return work.resolve("token");
    }

    /** The node files of a folder: the show lists them (it hears only the nodes it knows) and the rig runs them. */
    private static List<Path> nodeFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private void startNodes(List<Path> files, BrokerAddress address) {
        for (Path file : files) {
            if (NodeFiles.load(file) instanceof NodeFileResult.Valid valid) {
                NodeConfig config = valid.config().withBroker(address);
                MqttReadingSink sink = MqttReadingSink.connect(MqttSettings.defaults(address, config.node())
                        .withReconnect(Duration.ofMillis(250), Duration.ofSeconds(2)));
                nodes.add(sink);
                nodes.add(SimulatedNode.start(config, sink));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Override
    public void close() {
        show.close();
        for (AutoCloseable node : nodes.reversed()) {
            try {
                node.close();
            } catch (Exception e) {
                // closing: nothing more to do
            }
        }
        broker.close();
        camera.close();
        try (Stream<Path> tree = Files.walk(work)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
