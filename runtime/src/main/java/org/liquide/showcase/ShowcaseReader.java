package org.liquide.showcase;

import org.liquide.camera.CameraSpec;
import org.liquide.config.Choices;
import org.liquide.config.ConfigPath;
import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.YamlList;
import org.liquide.config.YamlMapping;
import org.liquide.config.YamlOverlay;
import org.liquide.dmx.DmxConfig;
import org.liquide.dmx.DmxConfigReader;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.wire.Names;
import org.liquide.midi.MidiConfig;
import org.liquide.midi.MidiConfigReader;
import org.liquide.oscout.OscTarget;
import org.liquide.render.output.DisplaySetup;
import org.liquide.sound.AudioConfig;
import org.snakeyaml.engine.v2.nodes.Node;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code showcase.yaml} (with the room file that includes it) read into a {@link ShowcaseConfig}: names,
 * cameras, broker, nodes, recording and sync here, each larger section by its own reader.
 */
final class ShowcaseReader {
    private static final List<String> TOP_KEYS = List.of("showcase", "machine", "output", "displays", "cameras", "broker",
            "broker_credentials", "broker_ca",
            "osc", "nodes", "simulate_nodes", "models", "usage", "scenes", "schedule", "playlist", "control", "recording", "sync",
            "osc_out", "dmx", "midi", "audio", YamlOverlay.KEY);
    private final Path file;
    private final Path base;
    private final Problems problems;
    private final DisplayReader displayReader;
    private final OscReader oscReader;
    private final ModelsReader modelsReader;
    private final ScheduleReader scheduleReader;
    private final PlaylistReader playlistReader;
    private final ControlReader controlReader;

    ShowcaseReader(Path file, Problems problems) {
        this.file = file;
        this.base = file.toAbsolutePath().getParent();
        this.problems = problems;
        this.displayReader = new DisplayReader(problems);
        this.oscReader = new OscReader(problems);
        this.modelsReader = new ModelsReader(base, problems);
        this.scheduleReader = new ScheduleReader(problems);
        this.playlistReader = new PlaylistReader(problems);
        this.controlReader = new ControlReader(base, problems);
    }

    Optional<ShowcaseConfig> read(Node root) {
        Optional<YamlMapping> maybe = YamlMapping.of(root, "a showcase file", "a mapping with 'showcase:' and 'playlist:'", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping top = maybe.get();
        Optional<String> name = top.require("showcase", "the showcase's name").flatMap(n -> topicName(n, "showcase", "the showcase's name"));
        String machine = top.get("machine").flatMap(n -> topicName(n, "machine", "this render machine's name")).orElse("regie");
        OutputConfig output = top.get("output").map(displayReader::output).orElse(new OutputConfig(1280, 720, 60));
        List<DisplaySetup> displays = top.get("displays").map(n -> YamlList.items(n, "displays", displayReader::display, problems)).orElse(List.of());
        List<CameraConfig> cameras = top.get("cameras").map(n -> YamlList.items(n, "cameras", this::camera, problems)).orElse(List.of());
        Optional<URI> broker = top.get("broker").flatMap(this::broker);
        Optional<Path> credentials = top.get("broker_credentials").flatMap(n -> ConfigPath.read(n, "broker_credentials", base, problems));
        Optional<Path> ca = top.get("broker_ca").flatMap(n -> ConfigPath.read(n, "broker_ca", base, problems));
        Optional<OscConfig> osc = top.get("osc").flatMap(oscReader::osc);
        List<Path> nodes = top.get("nodes").map(n -> YamlList.items(n, "nodes", node -> existing(node, "nodes", "a node file"), problems)).orElse(List.of());
        boolean simulate = top.get("simulate_nodes").flatMap(n -> Scalars.bool(n, "simulate_nodes", problems)).orElse(false);
        Map<String, ModelConfig> models = top.get("models").map(modelsReader::models).orElse(Map.of());
        Optional<Usage> usage = top.get("usage").flatMap(modelsReader::usage);
        Path scenes = top.get("scenes").flatMap(n -> existingFolder(n, "scenes")).orElse(base.resolve("../scenes").normalize());
        ScheduleConfig schedule = top.get("schedule").map(scheduleReader::schedule)
                .orElse(new ScheduleConfig(OpeningHours.always(ZoneId.systemDefault()), Optional.empty(), Optional.empty()));
        List<PlaylistEntry> playlist = top.require("playlist", "the scenes to show, in order").map(n -> playlistReader.playlist(n, scenes)).orElse(List.of());
        ControlConfig control = top.get("control").map(controlReader::control).orElse(ControlConfig.defaults());
        RecordingConfig recording = top.get("recording").map(this::recording)
                .orElse(new RecordingConfig(base.resolve("journal"), 0, false));
        SyncRole sync = top.get("sync").flatMap(n -> Choices.one(n, "sync", Arrays.stream(SyncRole.values()).map(SyncRole::yamlName).toList(), problems))
                .map(role -> SyncRole.valueOf(role.toUpperCase(Locale.ROOT))).orElse(SyncRole.PEER);
        List<OscTarget> oscOut = top.get("osc_out").map(n -> new OscOutReader(problems).targets(n)).orElse(List.of());
        DmxConfig dmx = top.get("dmx").map(n -> new DmxConfigReader(problems).read(n)).orElse(DmxConfig.NONE);
        MidiConfig midi = top.get("midi").map(n -> new MidiConfigReader(problems).read(n)).orElse(MidiConfig.NONE);
        AudioConfig audio = top.get("audio").map(n -> new AudioReader(problems, base).audio(n)).orElse(AudioConfig.NONE);
        top.rejectUnknown(TOP_KEYS);
        checkCameraNames(cameras);
        schedule.outsideScene().ifPresent(scene -> playlistReader.checkScene(scene, scenes, top.node()));
        if (problems.any() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ShowcaseConfig(file, name.get(), machine, output, displays, cameras, broker, osc, nodes,
                simulate, models, scenes, schedule, playlist, control, recording, sync, new BrokerSecurity(credentials, ca), oscOut, usage, dmx, midi, audio));
    }

    /** A name that becomes a topic level on the broker and a folder in the journal. */
    private Optional<String> topicName(Node node, String key, String what) {
        Optional<String> text = Scalars.text(node, key, what, problems);
        if (text.isPresent() && !Names.isValid(text.get())) {
            problems.at(node, "'" + key + "' " + text.get() + " cannot be used: " + Names.rule());
            return Optional.empty();
        }
        return text;
    }

    private Optional<CameraConfig> camera(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "a camera", "a mapping with name and source", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        Optional<String> name = map.require("name", "the camera's name").flatMap(n -> Scalars.text(n, "name", "a name", problems));
        Optional<String> source = map.require("source", "/dev/video0, a video file, a stream URL, test or visitors")
                .flatMap(n -> Scalars.text(n, "source", "a camera source", problems));
        boolean vision = map.get("vision").flatMap(n -> Scalars.bool(n, "vision", problems)).orElse(false);
        boolean mirror = map.get("mirror").flatMap(n -> Scalars.bool(n, "mirror", problems)).orElse(false);
        map.rejectUnknown(List.of("name", "source", "vision", "mirror"));
        if (name.isEmpty() || source.isEmpty()) {
            return Optional.empty();
        }
        String resolved = source.get();
        if (!resolved.contains("://") && !resolved.startsWith("/dev/") && !resolved.equals("test")
                && !resolved.equals(CameraSpec.Visitors.NAME) && !resolved.matches("\\d+")) {
            resolved = base.resolve(resolved).normalize().toString();
        }
        return Optional.of(new CameraConfig(name.get(), resolved, vision, mirror));
    }

    private void checkCameraNames(List<CameraConfig> cameras) {
        Set<String> seen = new HashSet<>();
        for (CameraConfig camera : cameras) {
            if (!seen.add(camera.name())) {
                problems.atStart("two cameras are named '" + camera.name() + "'");
            }
        }
    }

    private Optional<URI> broker(Node node) {
        Optional<String> text = Scalars.text(node, "broker", "an MQTT URL like tcp://127.0.0.1:1883", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<BrokerAddress> address = BrokerAddress.parse(text.get());
        if (address.isEmpty()) {
            problems.at(node, "'broker' must be an MQTT URL like tcp://127.0.0.1:1883, got " + text.get());
        }
        return address.map(a -> URI.create(a.toString()));
    }

    private Optional<Path> existing(Node node, String key, String expectation) {
        Optional<String> text = Scalars.text(node, key, expectation, problems);
        Optional<Path> path = text.map(t -> base.resolve(t).normalize());
        if (path.isPresent() && !Files.isRegularFile(path.get())) {
            problems.at(node, "file not found: " + text.get() + " (looked at " + path.get() + ")");
            return Optional.empty();
        }
        return path;
    }

    private Optional<Path> existingFolder(Node node, String key) {
        Optional<String> text = Scalars.text(node, key, "a folder", problems);
        Optional<Path> path = text.map(t -> base.resolve(t).normalize());
        if (path.isPresent() && !Files.isDirectory(path.get())) {
            problems.at(node, "folder not found: " + text.get() + " (looked at " + path.get() + ")");
            return Optional.empty();
        }
        return path;
    }

    private RecordingConfig recording(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'recording'", "a mapping with journal, snapshot_every, include_camera, include_microphone", problems);
        if (maybe.isEmpty()) {
            return new RecordingConfig(base.resolve("journal"), 0, false);
        }
        YamlMapping map = maybe.get();
        Path journal = map.get("journal").flatMap(n -> Scalars.text(n, "journal", "a folder", problems)).map(base::resolve)
                .orElse(base.resolve("journal")).normalize();
        double every = map.get("snapshot_every").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "snapshot_every", 0, 86400, problems))).orElse(0.0);
        boolean camera = map.get("include_camera").flatMap(n -> Scalars.bool(n, "include_camera", problems)).orElse(false);
        boolean microphone = map.get("include_microphone").flatMap(n -> Scalars.bool(n, "include_microphone", problems)).orElse(false);
        map.rejectUnknown(List.of("journal", "snapshot_every", "include_camera", "include_microphone"));
        return new RecordingConfig(journal, every, camera, microphone);
    }
}
