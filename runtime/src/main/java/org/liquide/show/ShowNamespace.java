package org.liquide.show;

import org.liquide.config.ConfigResult;
import org.liquide.oscquery.AddressTree;
import org.liquide.oscquery.OscNode;
import org.liquide.oscquery.ValueRange;
import org.liquide.render.shader.InputSpec;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.scene.MappableParameter;
import org.liquide.scene.MappableParameters;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.SceneInstance;
import org.liquide.scene.model.MappingDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.show.stage.Stage;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.signal.mapping.Mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The show's OSC address space as OSCQuery publishes it: the commands the OSC input obeys ({@code /liquide/scene},
 * {@code /liquide/next}...), the signals it takes ({@code /liquide/signal/<name>}), and, read-only, each scene's
 * mappable parameters under {@code /liquide/scenes/<scene>/...}: mappings move them, so a controller drives them
 * through the signals their mappings read.
 *
 * <p>Values are read without waiting: the scene player's and the show's volatile fields, the bus's latest samples,
 * and each running mapping's last value ({@link Mapping#mapped()}, written by the render thread every frame).
 * Scene files and shader headers are read again only when they change.
 */
final class ShowNamespace implements Supplier<OscNode> {
    static final String SIGNALS = "/liquide/signal/";
    static final String SCENES = "/liquide/scenes/";

    private final String title;
    private final Path scenesFolder;
    private final SceneFiles.Showcase showcase;
    private final ScenePlayer player;
    private final Stage stage;
    private final SignalBus bus;
    private final BooleanSupplier blackout;
    private final Map<String, Cached<ConfigResult<SceneDefinition>>> scenes = new ConcurrentHashMap<>();
    private final Map<Path, Cached<List<InputSpec>>> shaders = new ConcurrentHashMap<>();

    private record Cached<T>(FileTime modified, T value) {
    }

    ShowNamespace(String title, Path scenesFolder, SceneFiles.Showcase showcase, ScenePlayer player, Stage stage,
                  SignalBus bus, BooleanSupplier blackout) {
        this.title = title;
        this.scenesFolder = scenesFolder;
        this.showcase = showcase;
        this.player = player;
        this.stage = stage;
        this.bus = bus;
        this.blackout = blackout;
    }

    @Override
    public OscNode get() {
        AddressTree tree = new AddressTree();
        tree.describe("/", title);
        tree.describe("/liquide", "show control: send OSC over UDP to the port HOST_INFO names");
        List<String> names = player.scenes();
        tree.add(OscNode.method("/liquide/scene", "the scene on screen; send a scene's name to crossfade to it", "s",
                OscNode.READ_WRITE, List.of(ValueRange.of(names)), () -> text(player.current())));
        trigger(tree, "next", "moves to the next scene of the playlist");
        tree.add(OscNode.method("/liquide/blackout", "outputs faded to black (true) or back (false)", "T",
                OscNode.READ_WRITE, List.of(), () -> List.of(blackout.getAsBoolean())));
        trigger(tree, "sleep", "black output, generators stopped, cameras closed, until wake");
        trigger(tree, "wake", "wakes the show from sleep");
        tree.add(OscNode.method("/liquide/asleep", "asleep (sleep, or outside opening hours)", "T", OscNode.READ,
                List.of(), () -> List.of(player.asleep())));
        trigger(tree, "reload", "reads the configuration and scenes again; an invalid edit keeps what runs");
        trigger(tree, "snapshot", "writes the next frame to the journal");
        tree.add(OscNode.method("/liquide/record", "true starts recording the output to the journal, false stops", "T",
                OscNode.WRITE, List.of(), null));
        tree.describe("/liquide/signal", "signals: numbers that the scenes' mappings turn into parameters");
        tree.describe("/liquide/scenes", "each scene's mappable parameters, read-only: their mappings move them");
        Map<String, List<String>> readers = new LinkedHashMap<>();
        Map<String, Integer> channels = new java.util.HashMap<>();
        for (String name : names) {
            scene(tree, name, readers, channels);
        }
        signals(tree, readers, channels);
        return tree.build();
    }

    private static void trigger(AddressTree tree, String name, String description) {
        tree.add(OscNode.method("/liquide/" + name, description + " (no argument, or a button's 1)", "N", OscNode.WRITE,
                List.of(), null));
    }

    private void scene(AddressTree tree, String name, Map<String, List<String>> readers, Map<String, Integer> channels) {
        String base = SCENES + AddressTree.part(name);
        ConfigResult<SceneDefinition> read = definition(name);
        if (!(read instanceof ConfigResult.Valid<SceneDefinition>(SceneDefinition scene))) {
            tree.describe(base, "does not read: " + read.errors().getFirst());
            return;
        }
        tree.describe(base, scene.description().isEmpty() ? "scene " + name : scene.description());
        for (MappableParameter parameter : MappableParameters.of(scene, this::inputs)) {
            List<String> signals = scene.mappings().stream().filter(m -> m.target().equals(parameter.target()))
                    .map(MappingDefinition::signal).distinct().toList();
            signals.forEach(signal -> readers.computeIfAbsent(signal, s -> new ArrayList<>())
                    .add(name + ": " + parameter.target()));
            // A mapped parameter starts at its mapping's default: the mapping holds it there until its signal speaks.
            double start = scene.mappings().stream().filter(m -> m.target().equals(parameter.target()))
                    .reduce((first, second) -> second).map(MappingDefinition::defaultValue).orElse(parameter.start());
            tree.add(parameter(base, name, parameter, signals, start));
        }
        scene.mappings().forEach(m -> {
            readers.computeIfAbsent(m.signal(), s -> new ArrayList<>());
            channels.merge(m.signal(), m.channel() + 1, Math::max);
        });
    }

    private OscNode parameter(String base, String scene, MappableParameter parameter, List<String> signals, double start) {
        StringBuilder path = new StringBuilder(base);
        for (String part : parameter.target().split("\\.")) {
            path.append('/').append(AddressTree.part(part));
        }
        String driven = signals.isEmpty() ? "; no mapping moves it in this scene"
                : "; moved by " + String.join(", ", signals.stream().map(s -> "signal '" + s + "' (" + SIGNALS + s + ")").toList());
        String target = parameter.target();
        return switch (parameter.kind()) {
            case FLOAT -> OscNode.method(path.toString(), parameter.description() + driven, "f", OscNode.READ,
                    List.of(ValueRange.between(parameter.min(), parameter.max())),
                    () -> List.of((float) current(scene, target, start)));
            case INTEGER -> OscNode.method(path.toString(), parameter.description() + driven, "i", OscNode.READ,
                    List.of(ValueRange.between(parameter.min(), parameter.max())),
                    () -> List.of((int) Math.round(current(scene, target, start))));
            case BOOL -> OscNode.method(path.toString(), parameter.description() + driven, "T", OscNode.READ, List.of(),
                    () -> List.of(current(scene, target, start) >= 0.5));
            case TRIGGER -> OscNode.method(path.toString(), parameter.description() + driven, "f", OscNode.READ,
                    List.of(ValueRange.between(0, 1)), () -> {
                        double value = current(scene, target, Double.NaN);
                        return Double.isNaN(value) ? List.of() : List.of((float) value);
                    });
        };
    }

    /**
     * The value the scene's last mapping to the target gave it, while the scene is on screen; else where it starts.
     * (Storyboard cues also set targets; a parameter no mapping moves shows its start value.)
     */
    private double current(String scene, String target, double start) {
        SceneInstance shown = stage.shown();
        if (shown == null || !shown.name().equals(scene)) {
            return start;
        }
        double value = start;
        for (Mapping mapping : shown.mappings()) {
            if (mapping.spec().target().equals(target)) {
                value = mapping.mapped();
            }
        }
        return value;
    }

    private void signals(AddressTree tree, Map<String, List<String>> readers, Map<String, Integer> channels) {
        Map<String, Signal> onBus = new LinkedHashMap<>();
        for (Signal signal : bus.signals()) {
            onBus.put(signal.name(), signal);
        }
        List<String> all = new ArrayList<>(readers.keySet());
        onBus.keySet().stream().filter(name -> !readers.containsKey(name)).sorted().forEach(all::add);
        for (String name : all) {
            if (!org.liquide.signal.source.SignalNames.isValid(name)) {
                continue;
            }
            // A mapped signal that has not spoken yet is made now, as its mapping makes it: the address then reads
            // the value it gets later, not the emptiness it had when the namespace was built.
            Signal signal = onBus.containsKey(name) ? onBus.get(name) : mappedSignal(name);
            // As many numbers as the mappings read, or as the signal last carried.
            int count = Math.min(Signal.MAX_CHANNELS, Math.max(channels.getOrDefault(name, 1), signal == null ? 1 : lastChannels(signal)));
            List<String> moves = readers.getOrDefault(name, List.of());
            String description = "signal '" + name + "'" + (count > 1 ? ", " + count + " numbers" : "")
                    + (moves.isEmpty() ? "; no scene maps it" : "; moves " + String.join(", ", moves));
            tree.add(OscNode.method(SIGNALS + name, description, "f".repeat(count), OscNode.READ_WRITE, List.of(),
                    () -> signal == null ? List.of() : latest(signal, count)));
        }
    }

    private Signal mappedSignal(String name) {
        try {
            return bus.signal(name);
        } catch (IllegalStateException full) {
            return null; // the bus holds its most signals: this one reads as empty
        }
    }

    private static int lastChannels(Signal signal) {
        SignalSample sample = new SignalSample();
        return signal.read(sample) ? sample.channels() : 1;
    }

    /** The signal's latest sample, as many numbers as its type says (0 for a channel it did not carry). */
    private static List<Object> latest(Signal signal, int count) {
        SignalSample sample = new SignalSample();
        if (!signal.read(sample) || sample.channels() == 0) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(i < sample.channels() ? (float) sample.value(i) : 0f);
        }
        return values;
    }

    private static List<Object> text(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }

    private ConfigResult<SceneDefinition> definition(String name) {
        Path folder = scenesFolder.resolve(name);
        FileTime modified = modified(folder.resolve(SceneFiles.FILE_NAME));
        Cached<ConfigResult<SceneDefinition>> cached = scenes.get(name);
        if (cached == null || !cached.modified().equals(modified)) {
            cached = new Cached<>(modified, SceneFiles.load(folder, showcase));
            scenes.put(name, cached);
        }
        return cached.value();
    }

    private List<InputSpec> inputs(Path shader) {
        FileTime modified = modified(shader);
        Cached<List<InputSpec>> cached = shaders.get(shader);
        if (cached == null || !cached.modified().equals(modified)) {
            List<InputSpec> inputs;
            try {
                inputs = ShaderDocument.load(shader).inputs();
            } catch (ShaderException | RuntimeException e) {
                inputs = List.of();
            }
            cached = new Cached<>(modified, inputs);
            shaders.put(shader, cached);
        }
        return cached.value();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
