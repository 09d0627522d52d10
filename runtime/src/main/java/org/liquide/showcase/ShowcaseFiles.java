package org.liquide.showcase;

import org.liquide.oscout.OscTarget;
import org.liquide.camera.CameraSpec;
import org.liquide.render.output.DisplaySetup;
import org.liquide.render.output.Warp;
import org.liquide.config.Choices;
import org.liquide.dmx.DmxConfig;
import org.liquide.dmx.DmxConfigReader;
import org.liquide.midi.MidiConfig;
import org.liquide.midi.MidiConfigReader;
import org.liquide.sound.AudioConfig;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.wire.Names;
import org.liquide.config.ConfigResult;
import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.YamlOverlay;
import org.liquide.config.YamlMapping;
import org.liquide.config.ConfigPath;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubModelName;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.net.AddressRange;
import org.liquide.net.Senders;
import org.liquide.render.output.SoftEdge;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads {@code showcase.yaml}: displays, cameras, broker and nodes, models, schedule, playlist, control
 * panel and recording. Every error is reported at once as {@code file:line:col: message}; see
 * {@code showcase-config/README.md} for the format.
 */
public final class ShowcaseFiles {
    private static final List<String> TOP_KEYS = List.of("showcase", "machine", "output", "displays", "cameras", "broker",
            "broker_credentials", "broker_ca",
            "osc", "nodes", "simulate_nodes", "models", "usage", "scenes", "schedule", "playlist", "control", "recording", "sync",
            "osc_out", "dmx", "midi", "audio", YamlOverlay.KEY);
    private static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private ShowcaseFiles() {
    }

    public static ConfigResult<ShowcaseConfig> load(Path file) {
        Problems problems = new Problems(file.toString());
        Optional<ShowcaseConfig> config = YamlOverlay.read(file, problems, "'showcase:', 'playlist:' and the room's settings")
                .flatMap(root -> new Reader(file, problems).read(root));
        if (problems.any() || config.isEmpty()) {
            return new ConfigResult.Invalid<>(problems.inFileOrder());
        }
        return new ConfigResult.Valid<>(config.get());
    }

    private static final class Reader {
        private final Path file;
        private final Path base;
        private final Problems problems;

        Reader(Path file, Problems problems) {
            this.file = file;
            this.base = file.toAbsolutePath().getParent();
            this.problems = problems;
        }

        Optional<ShowcaseConfig> read(Node root) {
            Optional<YamlMapping> maybe = YamlMapping.of(root, "a showcase file", "a mapping with 'showcase:' and 'playlist:'", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping top = maybe.get();
            Optional<String> name = top.require("showcase", "the showcase's name").flatMap(n -> topicName(n, "showcase", "the showcase's name"));
            String machine = top.get("machine").flatMap(n -> topicName(n, "machine", "this render machine's name")).orElse("regie");
            OutputConfig output = top.get("output").map(this::output).orElse(new OutputConfig(1280, 720, 60));
            List<DisplaySetup> displays = top.get("displays").map(n -> list(n, "displays", this::display)).orElse(List.of());
            List<CameraConfig> cameras = top.get("cameras").map(n -> list(n, "cameras", this::camera)).orElse(List.of());
            Optional<URI> broker = top.get("broker").flatMap(this::broker);
            Optional<Path> credentials = top.get("broker_credentials").flatMap(n -> ConfigPath.read(n, "broker_credentials", base, problems));
            Optional<Path> ca = top.get("broker_ca").flatMap(n -> ConfigPath.read(n, "broker_ca", base, problems));
            Optional<OscConfig> osc = top.get("osc").flatMap(this::osc);
            List<Path> nodes = top.get("nodes").map(n -> list(n, "nodes", node -> existing(node, "nodes", "a node file"))).orElse(List.of());
            boolean simulate = top.get("simulate_nodes").flatMap(n -> Scalars.bool(n, "simulate_nodes", problems)).orElse(false);
            Map<String, ModelConfig> models = top.get("models").map(this::models).orElse(Map.of());
            Optional<Usage> usage = top.get("usage").flatMap(this::usage);
            Path scenes = top.get("scenes").flatMap(n -> existingFolder(n, "scenes")).orElse(base.resolve("../scenes").normalize());
            ScheduleConfig schedule = top.get("schedule").map(this::schedule)
                    .orElse(new ScheduleConfig(OpeningHours.always(ZoneId.systemDefault()), Optional.empty(), Optional.empty()));
            List<PlaylistEntry> playlist = top.require("playlist", "the scenes to show, in order").map(n -> playlist(n, scenes)).orElse(List.of());
            ControlConfig control = top.get("control").map(this::control).orElse(defaultControl());
            RecordingConfig recording = top.get("recording").map(this::recording)
                    .orElse(new RecordingConfig(base.resolve("journal"), 0, false));
            SyncRole sync = top.get("sync").flatMap(n -> Choices.one(n, "sync", Arrays.stream(SyncRole.values()).map(SyncRole::yamlName).toList(), problems))
                    .map(role -> SyncRole.valueOf(role.toUpperCase(java.util.Locale.ROOT))).orElse(SyncRole.PEER);
            List<OscTarget> oscOut = top.get("osc_out").map(n -> new OscOutReader(problems).targets(n)).orElse(List.of());
            DmxConfig dmx = top.get("dmx").map(n -> new DmxConfigReader(problems).read(n)).orElse(DmxConfig.NONE);
            MidiConfig midi = top.get("midi").map(n -> new MidiConfigReader(problems).read(n)).orElse(MidiConfig.NONE);
            AudioConfig audio = top.get("audio").map(n -> new AudioReader(problems, base).audio(n)).orElse(AudioConfig.NONE);
            top.rejectUnknown(TOP_KEYS);
            checkCameraNames(cameras);
            schedule.outsideScene().ifPresent(scene -> checkScene(scene, scenes, top.node()));
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

        private interface ItemReader<T> {
            Optional<T> read(Node node);
        }

        private <T> List<T> list(Node node, String key, ItemReader<T> reader) {
            if (!(node instanceof SequenceNode sequence)) {
                problems.at(node, "'" + key + "' must be a list, not " + Scalars.describe(node));
                return List.of();
            }
            List<T> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                reader.read(item).ifPresent(items::add);
            }
            return items;
        }

        private OutputConfig output(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'output'", "a mapping with size and fps", problems);
            if (maybe.isEmpty()) {
                return new OutputConfig(1280, 720, 60);
            }
            int[] size = maybe.get().get("size").flatMap(n -> Quantities.size(n, "size", 64, 8192, problems)).orElse(new int[]{1280, 720});
            double fps = maybe.get().get("fps").flatMap(n -> opt(Scalars.number(n, "fps", 1, 240, "1 to 240", problems))).orElse(60.0);
            maybe.get().rejectUnknown(List.of("size", "fps"));
            return new OutputConfig(size[0], size[1], fps);
        }

        private Optional<DisplaySetup> display(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "a display", "a mapping with name, monitor, size...", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            Optional<String> name = map.require("name", "the display's name").flatMap(n -> Scalars.text(n, "name", "a name", problems));
            name.ifPresent(n -> map.describeAs("display '" + n + "'"));
            String monitor = map.get("monitor").flatMap(n -> Scalars.text(n, "monitor", "an index or part of the monitor's name", problems)).orElse("");
            int[] size = map.get("size").flatMap(n -> Quantities.size(n, "size", 64, 8192, problems)).orElse(new int[]{1920, 1080});
            boolean fullscreen = map.get("fullscreen").flatMap(n -> Scalars.bool(n, "fullscreen", problems)).orElse(true);
            float[] region = map.get("region").flatMap(this::region).orElse(new float[]{0, 0, 1, 1});
            double[][] corners = map.get("corners").flatMap(this::corners).orElse(new double[][]{{0, 0}, {1, 0}, {1, 1}, {0, 1}});
            Optional<DisplaySetup.Mesh> mesh = map.get("mesh").flatMap(this::mesh);
            SoftEdge edges = map.get("soft_edge").flatMap(this::softEdge).orElse(SoftEdge.NONE);
            map.rejectUnknown(List.of("name", "monitor", "size", "fullscreen", "region", "corners", "mesh", "soft_edge"));
            return name.map(n -> new DisplaySetup(n, monitor, size[0], size[1], fullscreen, region, corners, mesh, edges));
        }

        private Optional<double[]> numbers(Node node, String key, int count, double min, double max) {
            if (!(node instanceof SequenceNode list) || list.getValue().size() != count) {
                problems.at(node, "'" + key + "' must be a list of " + count + " numbers, not " + Scalars.describe(node));
                return Optional.empty();
            }
            double[] values = new double[count];
            boolean ok = true;
            for (int i = 0; i < count; i++) {
                OptionalDouble v = Scalars.number(list.getValue().get(i), key, min, max, "between " + min + " and " + max, problems);
                ok &= v.isPresent();
                values[i] = v.orElse(0);
            }
            return ok ? Optional.of(values) : Optional.empty();
        }

        private Optional<float[]> region(Node node) {
            return numbers(node, "region", 4, 0, 1).flatMap(v -> {
                if (v[2] <= v[0] || v[3] <= v[1]) {
                    problems.at(node, "'region' is [x0, y0, x1, y1] with x1 > x0 and y1 > y0");
                    return Optional.empty();
                }
                return Optional.of(new float[]{(float) v[0], (float) v[1], (float) v[2], (float) v[3]});
            });
        }

        private Optional<double[][]> corners(Node node) {
            if (!(node instanceof SequenceNode list) || list.getValue().size() != 4) {
                problems.at(node, "'corners' must be four [x, y] points: top-left, top-right, bottom-right, bottom-left");
                return Optional.empty();
            }
            double[][] corners = new double[4][];
            for (int i = 0; i < 4; i++) {
                Optional<double[]> point = numbers(list.getValue().get(i), "corners", 2, -1, 2);
                if (point.isEmpty()) {
                    return Optional.empty();
                }
                corners[i] = point.get();
            }
            try {
                Warp.pinned(corners);
            } catch (IllegalArgumentException e) {
                problems.at(node, "'corners' cannot be used: " + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(corners);
        }

        private Optional<DisplaySetup.Mesh> mesh(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'mesh'", "a mapping with columns, rows and offsets", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            int columns = map.require("columns", "2 to 8").map(n -> Scalars.integer(n, "columns", 2, 8, "2 to 8", problems).orElse(0)).orElse(0);
            int rows = map.require("rows", "2 to 8").map(n -> Scalars.integer(n, "rows", 2, 8, "2 to 8", problems).orElse(0)).orElse(0);
            Optional<double[]> offsets = columns > 0 && rows > 0
                    ? map.require("offsets", "dx, dy for each point, row by row").flatMap(n -> numbers(n, "offsets", columns * rows * 2, -1, 1))
                    : Optional.empty();
            map.rejectUnknown(List.of("columns", "rows", "offsets"));
            return offsets.map(o -> new DisplaySetup.Mesh(columns, rows, o));
        }

        private Optional<SoftEdge> softEdge(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'soft_edge'", "a mapping with left, right, top, bottom, curve, gamma", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            double left = edge(map, "left");
            double right = edge(map, "right");
            double top = edge(map, "top");
            double bottom = edge(map, "bottom");
            double curve = map.get("curve").flatMap(n -> opt(Scalars.number(n, "curve", 1, 10, "1 to 10", problems))).orElse(2.0);
            double gamma = map.get("gamma").flatMap(n -> opt(Scalars.number(n, "gamma", 0.1, 5, "0.1 to 5", problems))).orElse(2.2);
            map.rejectUnknown(List.of("left", "right", "top", "bottom", "curve", "gamma"));
            return Optional.of(new SoftEdge(left, right, top, bottom, curve, gamma));
        }

        private double edge(YamlMapping map, String key) {
            return map.get(key).flatMap(n -> opt(Scalars.number(n, key, 0, 0.5, "between 0 and 0.5 of the display", problems))).orElse(0.0);
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

        private Optional<OscConfig> osc(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'osc'", "a mapping with host and port", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            String host = maybe.get().get("host").flatMap(n -> Scalars.text(n, "host", "an address to listen on", problems)).orElse("127.0.0.1");
            int port = maybe.get().get("port").map(n -> Scalars.integer(n, "port", 1, 65535, "a UDP port", problems).orElse(9000)).orElse(9000);
            Senders commands = maybe.get().get("commands_from").map(n -> senders(n, "commands_from")).orElse(Senders.LOOPBACK);
            Senders signals = maybe.get().get("signals_from").map(n -> senders(n, "signals_from")).orElse(commands);
            OscQueryConfig query = maybe.get().get("query").map(n -> new OscQueryReader(problems).query(n)).orElse(OscQueryConfig.DEFAULT);
            maybe.get().rejectUnknown(List.of("host", "port", "signals_from", "commands_from", "query"));
            return Optional.of(new OscConfig(host, port, signals, commands, query));
        }

        /** A list of addresses and CIDR ranges ({@code [127.0.0.1, 10.20.0.0/24]}). */
        private Senders senders(Node node, String key) {
            return new Senders(list(node, key, item -> {
                Optional<String> text = Scalars.text(item, key, "an address or a range such as 10.20.0.0/24", problems);
                Optional<AddressRange> range = text.flatMap(AddressRange::parse);
                if (text.isPresent() && range.isEmpty()) {
                    problems.at(item, "'" + key + "' takes addresses or ranges such as 10.20.0.0/24 (not names), got " + text.get());
                }
                return range;
            }));
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

        private Map<String, ModelConfig> models(Node node) {
            Map<String, ModelConfig> models = new LinkedHashMap<>();
            if (!(node instanceof MappingNode mapping)) {
                problems.at(node, "'models' must be a mapping of names to {path, device, threads}, not " + Scalars.describe(node));
                return models;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> name = Scalars.text(tuple.getKeyNode(), "models", "a model name", problems);
                Optional<YamlMapping> maybe = YamlMapping.of(tuple.getValueNode(), "model '" + name.orElse("?") + "'", "a mapping with path, device, threads", problems);
                if (name.isEmpty() || maybe.isEmpty()) {
                    continue;
                }
                YamlMapping map = maybe.get();
                Optional<String> path = map.require("path", "an .onnx file, a diffusers ONNX folder or hf:org/name@commit").flatMap(n -> {
                    Optional<String> text = Scalars.text(n, "path", "a path", problems);
                    if (text.isPresent() && HubModelName.isHubName(text.get())) {
                        return hubModel(n, text.get());
                    }
                    if (text.isPresent() && !Files.exists(base.resolve(text.get()))) {
                        problems.at(n, "model not found: " + text.get() + " (looked at " + base.resolve(text.get()).normalize() + ")");
                        return Optional.empty();
                    }
                    return text.map(t -> base.resolve(t).normalize().toString());
                });
                String device = map.get("device").flatMap(n -> Choices.one(n, "device", List.of("auto", "cpu", "cuda", "tensorrt"), problems)).orElse("auto");
                int threads = map.get("threads").map(n -> Scalars.integer(n, "threads", 0, 256, "0 (all cores) to 256", problems).orElse(0)).orElse(0);
                map.rejectUnknown(List.of("path", "device", "threads"));
                path.ifPresent(p -> models.put(name.get(), new ModelConfig(name.get(), p, device, threads)));
            }
            return models;
        }

        private Optional<Usage> usage(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'usage'", "a mapping such as {commercial: false}", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            Optional<Boolean> commercial = maybe.get().require("commercial",
                    "true for a paid exhibition, a commission or a sponsor's event; false otherwise")
                    .flatMap(n -> Scalars.bool(n, "commercial", problems));
            maybe.get().rejectUnknown(List.of("commercial"));
            var mark = node.getStartMark();
            return commercial.map(c -> new Usage(c, mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1)));
        }

        /** A model of the Hugging Face cache: well named, and there (the show never downloads). */
        private Optional<String> hubModel(Node node, String source) {
            Optional<String> problem = HubCache.locate().problem(source);
            problem.ifPresent(message -> problems.at(node, message));
            return problem.isEmpty() ? Optional.of(source) : Optional.empty();
        }

        private ScheduleConfig schedule(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'schedule'", "a mapping with timezone, hours...", problems);
            if (maybe.isEmpty()) {
                return new ScheduleConfig(OpeningHours.always(ZoneId.systemDefault()), Optional.empty(), Optional.empty());
            }
            YamlMapping map = maybe.get();
            ZoneId zone = map.get("timezone").flatMap(n -> {
                Optional<String> text = Scalars.text(n, "timezone", "a zone such as Europe/Paris", problems);
                try {
                    return text.map(ZoneId::of);
                } catch (DateTimeException e) {
                    problems.at(n, "unknown time zone '" + text.get() + "': expected a zone such as Europe/Paris");
                    return Optional.empty();
                }
            }).orElse(ZoneId.systemDefault());
            Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                weekly.put(day, List.of(TimeRange.parse("00:00-24:00")));
            }
            map.get("hours").ifPresent(n -> hours(n, weekly));
            Map<LocalDate, List<TimeRange>> exceptions = map.get("exceptions").map(this::exceptions).orElse(Map.of());
            Optional<LocalTime> restart = map.get("daily_restart").flatMap(n -> {
                Optional<String> text = Scalars.text(n, "daily_restart", "a time such as 04:30", problems);
                try {
                    return text.map(t -> LocalTime.parse(t.length() == 4 ? "0" + t : t));
                } catch (DateTimeParseException e) {
                    problems.at(n, "'daily_restart' must be a time such as 04:30, got " + text.get());
                    return Optional.empty();
                }
            });
            Optional<String> outside = map.get("outside").flatMap(n -> Scalars.text(n, "outside", "sleep or a scene's name", problems))
                    .filter(text -> !text.equals("sleep"));
            map.rejectUnknown(List.of("timezone", "hours", "exceptions", "daily_restart", "outside"));
            return new ScheduleConfig(new OpeningHours(zone, weekly, exceptions), restart, outside);
        }

        private void hours(Node node, Map<DayOfWeek, List<TimeRange>> weekly) {
            if (!(node instanceof MappingNode mapping)) {
                problems.at(node, "'hours' must map days (monday...sunday) to hours such as 10:00-19:00 or closed");
                return;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> day = Choices.one(tuple.getKeyNode(), "hours", DAYS, problems);
                Optional<List<TimeRange>> ranges = ranges(tuple.getValueNode());
                if (day.isPresent() && ranges.isPresent()) {
                    weekly.put(DayOfWeek.valueOf(day.get().toUpperCase(Locale.ROOT)), ranges.get());
                }
            }
        }

        private Map<LocalDate, List<TimeRange>> exceptions(Node node) {
            Map<LocalDate, List<TimeRange>> exceptions = new HashMap<>();
            if (!(node instanceof MappingNode mapping)) {
                problems.at(node, "'exceptions' must map dates (2027-01-14) to hours or closed");
                return exceptions;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> text = Scalars.text(tuple.getKeyNode(), "exceptions", "a date such as 2027-01-14", problems);
                try {
                    Optional<LocalDate> date = text.map(LocalDate::parse);
                    Optional<List<TimeRange>> ranges = ranges(tuple.getValueNode());
                    if (date.isPresent() && ranges.isPresent()) {
                        exceptions.put(date.get(), ranges.get());
                    }
                } catch (DateTimeParseException e) {
                    problems.at(tuple.getKeyNode(), "expected a date such as 2027-01-14, got " + text.get());
                }
            }
            return exceptions;
        }

        private Optional<List<TimeRange>> ranges(Node node) {
            Optional<String> text = Scalars.text(node, "hours", "hours such as 10:00-19:00, 10:00-13:00, 14:00-19:00, or closed", problems);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (text.get().equals("closed")) {
                return Optional.of(List.of());
            }
            try {
                List<TimeRange> ranges = new ArrayList<>();
                for (String part : text.get().split(",")) {
                    ranges.add(TimeRange.parse(part));
                }
                return Optional.of(ranges);
            } catch (IllegalArgumentException e) {
                problems.at(node, e.getMessage());
                return Optional.empty();
            }
        }

        private List<PlaylistEntry> playlist(Node node, Path scenes) {
            List<PlaylistEntry> entries = list(node, "playlist", item -> {
                Optional<YamlMapping> maybe = YamlMapping.of(item, "a playlist entry", "a mapping with scene and duration", problems);
                if (maybe.isEmpty()) {
                    return Optional.empty();
                }
                YamlMapping map = maybe.get();
                Optional<Node> sceneNode = map.require("scene", "a scene folder's name");
                Optional<String> scene = sceneNode.flatMap(n -> Scalars.text(n, "scene", "a scene name", problems));
                scene.ifPresent(s -> checkScene(s, scenes, sceneNode.get()));
                double duration = map.get("duration").flatMap(n -> opt(Quantities.seconds(n, "duration", 1, 86400 * 7, problems))).orElse(600.0);
                double transition = map.get("transition").flatMap(n -> opt(Quantities.seconds(n, "transition", 0, 600, problems)))
                        .orElse(Double.NaN); // the scene's own
                map.rejectUnknown(List.of("scene", "duration", "transition"));
                return scene.map(s -> new PlaylistEntry(s, duration, transition));
            });
            if (entries.isEmpty() && !problems.any()) {
                problems.at(node, "the playlist is empty: it needs at least one scene");
            }
            return entries;
        }

        private void checkScene(String scene, Path scenes, Node at) {
            if (!Files.isRegularFile(scenes.resolve(scene).resolve("scene.yaml"))) {
                List<String> known = knownScenes(scenes);
                String hint = org.liquide.config.Suggestions.closest(scene, known).map(c -> "; did you mean '" + c + "'?").orElse("");
                problems.at(at, "no scene '" + scene + "' in " + scenes + " (scenes there: " + String.join(", ", known) + ")" + hint);
            }
        }

        private ControlConfig defaultControl() {
            return ControlConfig.defaults();
        }

        private ControlConfig control(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'control'", "a mapping with host, port, token_file, open_status", problems);
            if (maybe.isEmpty()) {
                return defaultControl();
            }
            YamlMapping map = maybe.get();
            boolean enabled = map.get("enabled").flatMap(n -> Scalars.bool(n, "enabled", problems)).orElse(true);
            String host = map.get("host").flatMap(n -> Scalars.text(n, "host", "an address to listen on", problems)).orElse(ControlConfig.LOCAL_ONLY);
            int port = map.get("port").map(n -> Scalars.integer(n, "port", 1, 65535, "a TCP port", problems).orElse(ControlConfig.DEFAULT_PORT))
                    .orElse(ControlConfig.DEFAULT_PORT);
            Path token = map.get("token_file").flatMap(n -> Scalars.text(n, "token_file", "a path", problems))
                    .map(t -> t.startsWith("~/") ? Path.of(System.getProperty("user.home"), t.substring(2)) : base.resolve(t))
                    .orElse(ControlConfig.defaultTokenFile());
            boolean open = map.get("open_status").flatMap(n -> Scalars.bool(n, "open_status", problems)).orElse(false);
            List<String> allowedHosts = map.get("allowed_hosts").map(n -> list(n, "allowed_hosts", this::hostName)).orElse(List.of());
            map.rejectUnknown(List.of("enabled", "host", "port", "token_file", "open_status", "allowed_hosts"));
            return new ControlConfig(enabled, host, port, token, open, allowedHosts);
        }

        /** A name the panel answers to, as a browser writes it in {@code Host} (no port, no scheme). */
        private Optional<String> hostName(Node node) {
            Optional<String> text = Scalars.text(node, "allowed_hosts", "a host name such as regie.local", problems);
            if (text.isPresent() && !text.get().matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*")) {
                problems.at(node, "'allowed_hosts' takes host names such as regie.local (no scheme, no port), got " + text.get());
                return Optional.empty();
            }
            return text;
        }

        private RecordingConfig recording(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'recording'", "a mapping with journal, snapshot_every, include_camera, include_microphone", problems);
            if (maybe.isEmpty()) {
                return new RecordingConfig(base.resolve("journal"), 0, false);
            }
            YamlMapping map = maybe.get();
            Path journal = map.get("journal").flatMap(n -> Scalars.text(n, "journal", "a folder", problems)).map(base::resolve)
                    .orElse(base.resolve("journal")).normalize();
            double every = map.get("snapshot_every").flatMap(n -> opt(Quantities.seconds(n, "snapshot_every", 0, 86400, problems))).orElse(0.0);
            boolean camera = map.get("include_camera").flatMap(n -> Scalars.bool(n, "include_camera", problems)).orElse(false);
            boolean microphone = map.get("include_microphone").flatMap(n -> Scalars.bool(n, "include_microphone", problems)).orElse(false);
            map.rejectUnknown(List.of("journal", "snapshot_every", "include_camera", "include_microphone"));
            return new RecordingConfig(journal, every, camera, microphone);
        }

        private static Optional<Double> opt(OptionalDouble value) {
            return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
        }
    }

    /** The scene folders (those with a scene.yaml) in a scenes folder, sorted. */
    public static List<String> knownScenes(Path scenes) {
        try (var entries = Files.list(scenes)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("scene.yaml")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
