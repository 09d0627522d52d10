package org.liquide.scene;

import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.liquide.scene.model.Cue;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.sound.SceneSoundReader;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** A scene file's {@code storyboard:}: its cues in time order (prompts, values set, sounds), and whether it loops. */
final class StoryboardReader {
    private final Problems problems;
    private final SceneTargetCheck targets;
    private final SceneSoundReader sounds;

    StoryboardReader(Problems problems, SceneTargetCheck targets, SceneSoundReader sounds) {
        this.problems = problems;
        this.targets = targets;
        this.sounds = sounds;
    }

    /** Reads the cues into {@code cues}; returns whether the storyboard loops. */
    boolean storyboard(Node node, GeneratorSettings generator, List<LayerDefinition> layers, List<Cue> cues) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'storyboard'", "a mapping with loop and cues", problems);
        if (maybe.isEmpty()) {
            return false;
        }
        YamlMapping map = maybe.get();
        boolean loop = map.get("loop").flatMap(n -> Scalars.bool(n, "loop", problems)).orElse(true);
        map.require("cues", "a list of cues, each with at:").ifPresent(n -> {
            if (!(n instanceof SequenceNode list)) {
                problems.at(n, "'cues' must be a list, not " + Scalars.describe(n));
                return;
            }
            double last = -1;
            List<Node> items = list.getValue();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                Optional<Cue> cue = cue(item, i, generator, layers);
                if (cue.isPresent()) {
                    if (cue.get().atSeconds() < last) {
                        problems.at(item, "cues must be in time order: this one is at " + cue.get().atSeconds() + " s, after one at " + last + " s");
                    }
                    last = cue.get().atSeconds();
                    cues.add(cue.get());
                }
            }
        });
        map.rejectUnknown(List.of("loop", "cues"));
        return loop;
    }

    private Optional<Cue> cue(Node node, int index, GeneratorSettings generator, List<LayerDefinition> layers) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "a cue", "a mapping with at:, and prompt:, set: or sound:", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        OptionalDouble at = map.require("at", "when, from the scene's start, e.g. 30s").map(n -> Quantities.seconds(n, "at", 0, 86400, problems)).orElse(OptionalDouble.empty());
        Optional<String> prompt = map.get("prompt").flatMap(n -> {
            Optional<String> text = Scalars.text(n, "prompt", "one of the generator's prompts", problems);
            if (text.isPresent() && !generator.prompts().contains(text.get())) {
                problems.at(n, "prompt '" + text.get() + "' is not among the generator's prompts: " + generator.prompts());
            }
            return text;
        });
        double blend = map.get("blend").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "blend", 0, 600, problems))).orElse(0.0);
        Map<String, Double> set = new LinkedHashMap<>();
        map.get("set").ifPresent(n -> {
            if (!(n instanceof MappingNode mapping)) {
                problems.at(n, "'set' must be a mapping of targets to values, not " + Scalars.describe(n));
                return;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> target = Scalars.scalar(tuple.getKeyNode());
                target.ifPresent(t -> targets.check(t, tuple.getKeyNode(), layers));
                OptionalDouble value = Scalars.number(tuple.getValueNode(), target.orElse("value"), -1e9, 1e9, "a number", problems);
                if (target.isPresent() && value.isPresent()) {
                    set.put(target.get(), value.getAsDouble());
                }
            }
        });
        // the cue's sound is checked here; the sound output reads it when the scene comes on (sound.output.SceneSoundtracks)
        map.get("sound").ifPresent(n -> sounds.cueSound(n, index));
        map.rejectUnknown(List.of("at", "prompt", "blend", "set", "sound"));
        return at.isPresent() ? Optional.of(new Cue(at.getAsDouble(), prompt, blend, set)) : Optional.empty();
    }
}
