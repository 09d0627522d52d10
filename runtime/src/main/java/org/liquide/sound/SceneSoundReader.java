package org.liquide.sound;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlDocument;
import org.liquide.config.YamlList;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Reads a scene's sound (see {@code scenes/README.md}): its {@code sound:} section (beds, samples and
 * synths, each gain, rate or pitch a number or {@code {signal, in: [a, b], out: [c, d], default}}) and
 * the {@code sound:} of its storyboard's cues. Mistakes are located in the scene file.
 */
public final class SceneSoundReader {
    private final Problems problems;
    private final Path folder;

    public SceneSoundReader(Problems problems, Path folder) {
        this.problems = problems;
        this.folder = folder;
    }

    /** The sound of {@code folder/scene.yaml}, or none; problems go to {@code problems}. */
    public static SceneSound load(Path folder, Problems problems) {
        return YamlDocument.read(folder.resolve("scene.yaml"), problems, "the scene's settings")
                .flatMap(root -> YamlMapping.of(root, "a scene file", "a mapping", problems))
                .map(top -> new SceneSoundReader(problems, folder).scene(top))
                .orElse(SceneSound.NONE);
    }

    /** The {@code sound:} section of a scene file's top mapping, with its storyboard cues' sounds. */
    private SceneSound scene(YamlMapping top) {
        SceneSound section = top.get("sound").map(this::read).orElse(SceneSound.NONE);
        List<SceneSound.CueSound> cues = new ArrayList<>();
        top.get("storyboard").flatMap(n -> YamlMapping.of(n, "'storyboard'", "a mapping with loop and cues", problems))
                .flatMap(storyboard -> storyboard.get("cues"))
                .filter(SequenceNode.class::isInstance)
                .ifPresent(list -> {
                    List<Node> items = ((SequenceNode) list).getValue();
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i) instanceof MappingNode cue) {
                            int index = i;
                            YamlMapping.of(cue, "a cue", "a mapping", problems).flatMap(m -> m.get("sound"))
                                    .flatMap(n -> cueSound(n, index)).ifPresent(cues::add);
                        }
                    }
                });
        return new SceneSound(section.beds(), section.samples(), section.synths(), cues);
    }

    public SceneSound read(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'sound'", "a mapping with beds, samples, synths", problems);
        if (maybe.isEmpty()) {
            return SceneSound.NONE;
        }
        YamlMapping sound = maybe.get();
        List<SceneSound.Bed> beds = sound.get("beds").map(n -> YamlList.items(n, "beds", this::bed, problems)).orElse(List.of());
        List<SceneSound.Sample> samples = sound.get("samples").map(n -> YamlList.items(n, "samples", this::sample, problems)).orElse(List.of());
        List<SceneSound.Synth> synths = sound.get("synths").map(n -> YamlList.items(n, "synths", this::synth, problems)).orElse(List.of());
        sound.rejectUnknown(List.of("beds", "samples", "synths"));
        return new SceneSound(beds, samples, synths);
    }

    private Optional<SceneSound.Bed> bed(Node node) {
        return YamlMapping.of(node, "a bed", "a mapping with file and gain", problems)
                .flatMap(map -> played(map, List.of()))
                .map(p -> new SceneSound.Bed(p.file(), p.gain(), p.rate()));
    }

    private Optional<SceneSound.Sample> sample(Node node) {
        return YamlMapping.of(node, "a sample", "a mapping with file, trigger and gain", problems).flatMap(map -> {
            Optional<String> trigger = map.require("trigger", "the signal whose rise above 0.5 plays it")
                    .flatMap(n -> Scalars.text(n, "trigger", "a signal name", problems));
            return played(map, List.of("trigger")).flatMap(p -> trigger.map(t -> new SceneSound.Sample(p.file(), t, p.gain(), p.rate())));
        });
    }

    /**
     * A storyboard cue's {@code sound:}: a file of the scene's folder, or {@code {file, gain, rate}};
     * {@code cue} is the cue's place in the storyboard, from 0.
     */
    public Optional<SceneSound.CueSound> cueSound(Node node, int cue) {
        if (node instanceof ScalarNode) {
            return file(node).map(f -> new SceneSound.CueSound(cue, f, new SoundControl.Fixed(0), new SoundControl.Fixed(1)));
        }
        return YamlMapping.of(node, "a cue's 'sound'", "a sound file, or a mapping with file, gain and rate", problems)
                .flatMap(map -> played(map, List.of()))
                .map(p -> new SceneSound.CueSound(cue, p.file(), p.gain(), p.rate()));
    }

    /** A file played as it is: its {@code file}, {@code gain} (dB) and {@code rate}. */
    private record Played(Path file, SoundControl gain, SoundControl rate) {
    }

    /** Reads {@code file}, {@code gain} and {@code rate}; any key other than those and {@code more} is an error. */
    private Optional<Played> played(YamlMapping map, List<String> more) {
        Optional<Path> file = map.require("file", "a sound file of the scene's folder").flatMap(this::file);
        SoundControl gain = gain(map, 0);
        SoundControl rate = rate(map);
        map.rejectUnknown(Stream.concat(Stream.of("file", "gain", "rate"), more.stream()).toList());
        return file.map(f -> new Played(f, gain, rate));
    }

    private Optional<SceneSound.Synth> synth(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "a synth", "a mapping with wave, pitch and gain", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        SceneSound.Wave wave = map.get("wave").flatMap(n -> Choices.one(n, "wave", List.of("sine", "saw"), problems))
                .map(w -> SceneSound.Wave.valueOf(w.toUpperCase(Locale.ROOT))).orElse(SceneSound.Wave.SINE);
        SoundControl pitch = map.require("pitch", "Hz, or {signal, in, out}").map(n -> control(n, "pitch", 20, 20000, "20 to 20000 Hz"))
                .orElse(new SoundControl.Fixed(440));
        SoundControl gain = gain(map, -12);
        map.rejectUnknown(List.of("wave", "pitch", "gain"));
        return Optional.of(new SceneSound.Synth(wave, pitch, gain));
    }

    private SoundControl gain(YamlMapping map, double fallbackDb) {
        return map.get("gain").map(n -> control(n, "gain", -96, 24, "-96 to 24 dB")).orElse(new SoundControl.Fixed(fallbackDb));
    }

    private SoundControl rate(YamlMapping map) {
        return map.get("rate").map(n -> control(n, "rate", 0.1, 4, "0.1 to 4")).orElse(new SoundControl.Fixed(1));
    }

    private Optional<Path> file(Node node) {
        return Scalars.text(node, "file", "a sound file", problems).flatMap(text -> {
            Path path = folder.resolve(text).normalize();
            if (!Files.isRegularFile(path)) {
                problems.at(node, "sound file not found: " + text + " (looked at " + path + ")");
                return Optional.empty();
            }
            return Optional.of(path);
        });
    }

    /** A number, or {@code {signal, channel, in: [a, b], out: [c, d], default}} with out and default in range. */
    private SoundControl control(Node node, String key, double min, double max, String range) {
        if (node instanceof ScalarNode) {
            return new SoundControl.Fixed(Scalars.number(node, key, min, max, range, problems).orElse(min));
        }
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'" + key + "'", "a number or {signal, in, out, default}", problems);
        if (maybe.isEmpty()) {
            return new SoundControl.Fixed(min);
        }
        YamlMapping map = maybe.get();
        String signal = map.require("signal", "the signal's name").flatMap(n -> Scalars.text(n, "signal", "a signal name", problems)).orElse("");
        int channel = map.get("channel").map(n -> Scalars.integer(n, "channel", 0, 15, "0 to 15", problems).orElse(0)).orElse(0);
        double[] in = map.get("in").map(n -> pair(n, "in", -1e9, 1e9, "numbers")).orElse(new double[]{0, 1});
        double[] out = map.require("out", "[value at in's first, value at in's second] in " + range)
                .map(n -> pair(n, "out", min, max, range)).orElse(new double[]{min, min});
        double fallback = map.get("default").map(n -> Scalars.number(n, "default", min, max, range, problems).orElse(out[0])).orElse(out[0]);
        map.rejectUnknown(List.of("signal", "channel", "in", "out", "default"));
        return new SoundControl.FromSignal(signal, channel, in[0], in[1], out[0], out[1], fallback);
    }

    private double[] pair(Node node, String key, double min, double max, String range) {
        if (!(node instanceof SequenceNode list) || list.getValue().size() != 2) {
            problems.at(node, "'" + key + "' must be two numbers [a, b], not " + Scalars.describe(node));
            return new double[]{min, min};
        }
        double[] values = new double[2];
        for (int i = 0; i < 2; i++) {
            OptionalDouble v = Scalars.number(list.getValue().get(i), key, min, max, range, problems);
            values[i] = v.orElse(min);
        }
        return values;
    }
}
