package org.liquide.scene;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameTask;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.PromptTemplate;
import org.liquide.scene.model.SceneDefinition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Prompt templates: slots filled from word lists, chosen by mappings, the same seed on every panel. */
class PromptTemplateTest {
    @TempDir
    Path dir;

    private ConfigResult<SceneDefinition> scene(String yaml) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("s"));
        Files.writeString(folder.resolve("scene.yaml"), yaml);
        return SceneFiles.load(folder);
    }

    @Test
    void aTemplateBecomesEveryCombinationAndALayerCanFixOneWord() throws Exception {
        SceneDefinition s = ((ConfigResult.Valid<SceneDefinition>) scene("""
                generator:
                  prompt: "a {colour} {animal}"
                  words: {colour: [red, blue], animal: [cat, dog, fish]}
                layers:
                  - {name: all, type: generate}
                  - {name: fish, type: generate, generator: {words: {animal: fish}}}
                mappings:
                  - {signal: entree/distance, target: prompt.colour}
                """)).value();
        assertEquals(List.of("a red cat", "a red dog", "a red fish", "a blue cat", "a blue dog", "a blue fish"), s.generator().prompts());
        GeneratorSettings fish = ((LayerDefinition.Generate) s.layers().get(1)).generator().orElseThrow();
        assertEquals(List.of("a red fish", "a blue fish"), fish.prompts());
        assertEquals(s.generator().seed(), fish.seed(), "the same seed: only the word differs");
    }

    @Test
    void slotsWithoutWordsWordsWithoutSlotsAndUnknownSlotTargetsAreRefusedWhereTheyAre() throws Exception {
        List<String> errors = scene("""
                generator:
                  prompt: "a {colour} {animal}"
                  words: {colour: [red], animl: [cat]}
                layers:
                  - {name: all, type: generate}
                """).errors().stream().map(ConfigError::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("scene.yaml:2:11: the slot {animal} has no words")), errors.toString());

        errors = scene("""
                generator:
                  prompt: "a {colour}"
                  words: {colour: [red], animal: [cat]}
                layers:
                  - {name: all, type: generate}
                mappings:
                  - {signal: entree/distance, target: prompt.animal}
                """).errors().stream().map(ConfigError::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("scene.yaml:3:10: 'animal' is not a slot of the prompt (slots: colour)")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("scene.yaml:7:39: unknown target 'prompt.animal'") && e.contains("prompt.colour")),
                errors.toString());
    }

    @Test
    void eachSlotsValuePicksAWordAndTheBlendPointsExactlyAtThatPrompt() {
        var slots = new java.util.LinkedHashMap<String, List<String>>();
        slots.put("colour", List.of("red", "blue"));
        slots.put("animal", List.of("cat", "dog", "fish"));
        PromptTemplate template = new PromptTemplate("a {colour} {animal}", slots);
        PromptWords words = new PromptWords(Set.of("colour", "animal"));
        GenerationParams params = new GenerationParams();
        FrameTask select = words.selecting(params, template);

        words.target("prompt.colour").orElseThrow().set(0.9);
        words.target("prompt.animal").orElseThrow().set(0.5);
        select.beforeFrame(null);
        List<String> prompts = template.prompts();
        assertEquals("a blue dog", prompts.get(Math.round(params.promptBlend() * (prompts.size() - 1))));

        words.target("prompt.colour").orElseThrow().set(0);
        words.target("prompt.animal").orElseThrow().set(1);
        select.beforeFrame(null);
        assertEquals("a red fish", prompts.get(Math.round(params.promptBlend() * (prompts.size() - 1))));
        assertTrue(words.target("prompt.size").isEmpty());
    }

    /** The biais scene: three panels, one seed, and only the word {qui} differs between them. */
    @Test
    void biaisShowsOneWordChangingAcrossItsPanels() {
        SceneDefinition biais = ((ConfigResult.Valid<SceneDefinition>) SceneFiles.load(Path.of("../scenes/biais"))).value();
        List<GeneratorSettings> panels = biais.layers().stream().filter(l -> l instanceof LayerDefinition.Generate)
                .map(l -> ((LayerDefinition.Generate) l).generator().orElse(biais.generator())).toList();
        assertEquals(3, panels.size());
        assertEquals(1, panels.stream().map(GeneratorSettings::seed).distinct().count(), "the same seed on every panel");
        assertEquals(1, panels.stream().map(GeneratorSettings::cameraMix).distinct().count());
        for (int adjective = 0; adjective < 3; adjective++) {
            List<String> left = List.of(panels.get(0).prompts().get(adjective).split(" "));
            for (GeneratorSettings other : panels.subList(1, 3)) {
                List<String> right = List.of(other.prompts().get(adjective).split(" "));
                assertEquals(left.size(), right.size());
                long differing = java.util.stream.IntStream.range(0, left.size()).filter(i -> !left.get(i).equals(right.get(i))).count();
                assertTrue(differing >= 1 && differing <= 2, left + " vs " + right + ": only the person's word differs");
                assertEquals(left.subList(0, 3), right.subList(0, 3), "same adjective");
            }
        }
        assertTrue(biais.mappings().stream().anyMatch(m -> m.target().equals("prompt.adjectif")));
    }

    @Test
    void biaisSketchWritingEachPanelsPromptCompiles() throws Exception {
        assertNotNull(org.liquide.sketch.SketchCompiler.compile(Path.of("../scenes/biais/sketches/Legendes.java"), "sketch.biais.Legendes"));
    }
}
