package org.liquide.scene;

import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.liquide.scene.model.Cue;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.IdleBehaviour;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.MappingDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.sound.SceneSoundReader;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code scene.yaml} read into a {@link SceneDefinition}: its name, transition and idle behaviour here, each
 * section by its own reader, every error reported to {@code problems}.
 */
final class SceneReader {
    private static final List<String> TOP_KEYS = List.of("name", "description", "transition", "generator", "layers",
            "mappings", "idle", "storyboard", "sound");
    private final Path folder;
    private final Problems problems;
    private final GeneratorReader generators;
    private final LayerReader layerReader;
    private final MappingReader mappingReader;
    private final StoryboardReader storyboards;
    private final SceneTargetCheck targets;

    SceneReader(Path folder, Problems problems, Optional<SceneFiles.Showcase> showcase) {
        this.folder = folder;
        this.problems = problems;
        this.targets = new SceneTargetCheck(problems, showcase);
        this.generators = new GeneratorReader(folder, problems, showcase);
        this.layerReader = new LayerReader(folder, problems, showcase, generators, targets);
        this.mappingReader = new MappingReader(problems, targets);
        this.storyboards = new StoryboardReader(problems, targets, new SceneSoundReader(problems, folder));
    }

    Optional<SceneDefinition> read(Node root) {
        Optional<YamlMapping> maybe = YamlMapping.of(root, "a scene file", "a mapping with 'layers:'", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping top = maybe.get();
        String folderName = folder.toAbsolutePath().normalize().getFileName().toString();
        String name = top.get("name").flatMap(n -> Scalars.text(n, "name", "the scene's name", problems)).orElse(folderName);
        String description = top.get("description").flatMap(n -> Scalars.text(n, "description", "a sentence", problems)).orElse("");
        double transition = top.get("transition").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "transition", 0, 600, problems))).orElse(2.0);
        GeneratorSettings generator = top.get("generator").map(n -> generators.generator(n, GeneratorSettings.DEFAULT)).orElse(GeneratorSettings.DEFAULT);
        List<LayerDefinition> layers = top.require("layers", "the list of layers, bottom first").map(n -> layerReader.layers(n, generator)).orElse(List.of());
        generator.template().ifPresent(t -> targets.promptSlots(t.slotNames()));
        layers.stream().filter(l -> l instanceof LayerDefinition.Generate).map(l -> ((LayerDefinition.Generate) l).generator())
                .flatMap(Optional::stream).flatMap(g -> g.template().stream()).forEach(t -> targets.promptSlots(t.slotNames()));
        List<MappingDefinition> mappings = top.get("mappings").map(n -> mappingReader.mappings(n, layers)).orElse(List.of());
        Optional<IdleBehaviour> idle = top.get("idle").flatMap(this::idle);
        List<Cue> cues = new ArrayList<>();
        boolean loop = top.get("storyboard").map(n -> storyboards.storyboard(n, generator, layers, cues)).orElse(false);
        // the soundtrack is checked here; the sound output reads it when the scene comes on (sound.output.SceneSoundtracks)
        top.get("sound").ifPresent(n -> new SceneSoundReader(problems, folder).read(n));
        top.rejectUnknown(TOP_KEYS);
        if (problems.any()) {
            return Optional.empty();
        }
        return Optional.of(new SceneDefinition(name, folder, description, generator, layers, mappings, transition, idle, cues, loop));
    }

    private Optional<IdleBehaviour> idle(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'idle'", "a mapping with presence, after and scene", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        Optional<String> presence = map.require("presence", "the signal that says someone is there, e.g. vision/main/presence")
                .flatMap(n -> Scalars.text(n, "presence", "a signal name", problems));
        double after = map.get("after").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "after", 1, 86400, problems))).orElse(60.0);
        Optional<String> scene = map.get("scene").flatMap(n -> Scalars.text(n, "scene", "the attract scene's name", problems));
        map.rejectUnknown(List.of("presence", "after", "scene"));
        return presence.map(p -> new IdleBehaviour(p, after, scene));
    }
}
