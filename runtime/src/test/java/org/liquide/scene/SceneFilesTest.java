package org.liquide.scene;

import org.junit.jupiter.api.Test;
import org.liquide.render.generated.Palette;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;
import org.liquide.scene.model.FilterDefinition;
import org.liquide.generate.StreamBatching;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.SceneDefinition;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SceneFilesTest {
    @TempDir
    Path root;

    private Path scene(String folderName) throws Exception {
        Path folder = root.resolve(folderName);
        Files.createDirectories(folder.resolve("sketches"));
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("fond.png").toFile());
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", folder.resolve("ovale.png").toFile());
        Files.writeString(folder.resolve("halo.fs"), """
                /*{ "INPUTS": [ {"NAME": "intensity", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0, "MAX": 1},
                                {"NAME": "center", "TYPE": "point2D", "DEFAULT": [0.5, 0.5]} ] }*/
                void main() { gl_FragColor = vec4(intensity); }
                """);
        Files.writeString(folder.resolve("sketches/Halo.java"), "package sketch.ecriture_liquide;\npublic class Halo extends org.liquide.sketch.Sketch { public void draw() { } }\n");
        return folder;
    }

    @Test
    void aCompleteSceneReadsIntoItsDefinition() throws Exception {
        Path folder = scene("écriture-liquide");
        ConfigResult<SceneDefinition> result = SceneFiles.parse(folder, """
                description: Un storyboard liquide.
                transition: 4s
                generator:
                  model: builtin
                  prompts: ["encre dans l'eau", "une foule de reflets"]
                  seed: 7
                  strength: 0.6
                  size: 320x240
                layers:
                  - name: genere
                    type: generate
                    camera: main
                  - name: visiteur
                    type: camera
                    camera: main
                    blend: screen
                    opacity: 0.8
                    mirror: true
                    mask: ovale.png
                  - name: fond
                    type: image
                    file: fond.png
                    fit: fit
                  - name: halo
                    type: shader
                    file: halo.fs
                    inputs: {intensity: 0.4, center: [0.5, 0.5]}
                  - name: titre
                    type: sketch
                    class: Halo
                    size: 320x180
                mappings:
                  - signal: entree/distance
                    filters:
                      - median: 5
                      - one_euro: {min_cutoff: 1.0, beta: 0.02}
                      - remap: {in: [300, 2500], out: [1, 0], curve: smooth}
                      - clamp: [0, 1]
                    target: generator.strength
                    default: 0.2
                    timeout: 3s
                    glide: 100ms
                  - signal: table/touch
                    channel: 3
                    filters: [ {trigger: {rising: 0.5}} ]
                    target: generator.seed
                  - signal: couloir/pression
                    filters: [ invert, {hysteresis: {low: 0.3, high: 0.7}}, {hold: 2s}, {smooth: 0.5s}, {dead_zone: {center: 0.5, width: 0.05}} ]
                    target: layer.halo.input.intensity
                idle:
                  presence: vision/main/presence
                  after: 90s
                  scene: attente
                storyboard:
                  loop: true
                  cues:
                    - at: 0s
                      prompt: encre dans l'eau
                    - at: 1m
                      prompt: une foule de reflets
                      blend: 10s
                      set: {layer.fond.opacity: 0.3}
                """);
        SceneDefinition scene = assertInstanceOf(ConfigResult.Valid.class, result, () -> result.errors().toString()).value() instanceof SceneDefinition s ? s : null;
        assertNotNull(scene);
        assertEquals("écriture-liquide", scene.name());
        assertEquals(4.0, scene.transitionSeconds());
        assertEquals(320, scene.generator().width());
        assertEquals(5, scene.layers().size());
        LayerDefinition.Camera visitor = (LayerDefinition.Camera) scene.layers().get(1);
        assertEquals(BlendMode.SCREEN, visitor.look().blend());
        assertTrue(visitor.look().mirror());
        assertTrue(visitor.look().mask().isPresent());
        assertEquals(FitMode.FIT, scene.layers().get(2).look().fit());
        LayerDefinition.Sketch sketch = (LayerDefinition.Sketch) scene.layers().get(4);
        assertEquals("sketch.ecriture_liquide.Halo", sketch.className(), "accents and dashes become a Java package");
        assertEquals(3, scene.mappings().size());
        assertInstanceOf(FilterDefinition.Remap.class, scene.mappings().getFirst().filters().get(2));
        assertEquals(0.1, scene.mappings().getFirst().glideSeconds(), 1e-9);
        assertEquals(3, scene.mappings().get(1).channel());
        assertEquals(90, scene.idle().orElseThrow().afterSeconds());
        assertEquals(2, scene.storyboard().size());
        assertEquals(60, scene.storyboard().get(1).atSeconds());
        assertEquals(0.3, scene.storyboard().get(1).set().get("layer.fond.opacity"));
    }

    @Test
    void everyErrorIsReportedAtOnceWithItsLineAndColumn() throws Exception {
        Path folder = scene("biais");
        ConfigResult<SceneDefinition> result = SceneFiles.parse(folder, """
                generator:
                  strenght: 0.5
                layers:
                  - name: a
                    type: camra
                  - name: b
                    type: image
                    file: absent.png
                    blend: multiplie
                    opacity: 2
                mappings:
                  - signal: x
                    target: layer.c.opacity
                    filters: [ {medain: 3} ]
                    timeout: soon
                  - signal: y
                    target: layer.h.input.intensty
                  - signal: z
                    target: layer.h.input.center.x
                """.replace("layers:\n", "layers:\n  - {name: h, type: shader, file: halo.fs, inputs: {intensity: 0.2, centre: [0, 0]}}\n"));
        List<ConfigError> errors = result.errors();
        String file = folder.resolve("scene.yaml").toString();
        assertEquals(List.of(
                file + ":2:3: unknown key 'strenght' in 'generator'; did you mean 'strength'?",
                file + ":4:69: the shader has no input 'centre' (its inputs: intensity, center); did you mean 'center'?",
                file + ":6:11: 'type' must be one of camera, generate, shader, sketch, image, video, got 'camra'; did you mean 'camera'?",
                file + ":9:11: file not found: absent.png (looked at " + folder.resolve("absent.png") + ")",
                file + ":10:12: 'blend' must be one of normal, add, multiply, screen, difference, luminance-key, got 'multiplie'; did you mean 'multiply'?",
                file + ":11:14: 'opacity' must be between 0 and 1, got 2"),
                errors.subList(0, 6).stream().map(ConfigError::toString).toList());
        assertTrue(errors.stream().anyMatch(e -> e.line() == 14 && e.message().startsWith("unknown target 'layer.c.opacity'")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.line() == 15 && e.message().contains("unknown filter 'medain'") && e.message().contains("did you mean 'median'?")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.line() == 16 && e.message().contains("'timeout' must be a duration")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.line() == 18 && e.message().startsWith("unknown target 'layer.h.input.intensty'")), errors.toString());
        assertTrue(errors.stream().noneMatch(e -> e.line() == 20), "a point's component is a valid target: " + errors);
    }

    @Test
    void aWrongInputOfAPlainGlslLayerIsAnsweredWithTheShadersInputs() throws Exception {
        Path folder = scene("anneaux");
        Files.writeString(folder.resolve("rings.frag"), """
                #version 330
                uniform float rings = 9.0;
                uniform vec2 center = vec2(0.5, 0.5);
                out vec4 fragColor;
                void main() { fragColor = vec4(rings); }
                """);
        List<ConfigError> errors = SceneFiles.parse(folder, """
                layers:
                  - {name: anneaux, type: shader, file: rings.frag}
                mappings:
                  - {signal: entree/distance, target: layer.anneaux.input.ringz}
                """).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("unknown target 'layer.anneaux.input.ringz': the shader of layer 'anneaux' has the inputs "
                + "layer.anneaux.input.rings, layer.anneaux.input.center.x, layer.anneaux.input.center.y; "
                + "did you mean 'layer.anneaux.input.rings'?", errors.getFirst().message());
    }

    @Test
    void aPaletteIsNamedOrChosenByThePromptsWords() throws Exception {
        Path folder = scene("palettes");
        SceneDefinition named = valid(SceneFiles.parse(folder, "generator: {palette: braise}\nlayers: [{name: g, type: generate}]\n"));
        assertEquals(Palette.BRAISE, Palette.choose(named.generator().palette(), named.generator().prompts()));
        SceneDefinition byWords = valid(SceneFiles.parse(folder, "generator: {prompts: [\"plan large : une ville engloutie, à l'aube\"]}\n"
                + "layers: [{name: g, type: generate}]\n"));
        assertEquals(Palette.ABYSSE, Palette.choose(byWords.generator().palette(), byWords.generator().prompts()));
        assertEquals(Palette.DEFAULT, Palette.choose(java.util.Optional.empty(), List.of("rien de particulier")));
        List<ConfigError> errors = SceneFiles.parse(folder, "generator: {palette: brasie}\nlayers: [{name: g, type: generate}]\n").errors();
        assertEquals(List.of(folder.resolve("scene.yaml") + ":1:22: 'palette' must be one of nocturne, aube, encre, abysse, braise, lichen, got 'brasie'; did you mean 'braise'?"),
                errors.stream().map(ConfigError::toString).toList());
    }

    private static SceneDefinition valid(ConfigResult<SceneDefinition> result) {
        return assertInstanceOf(ConfigResult.Valid.class, result, () -> result.errors().toString()).value() instanceof SceneDefinition s ? s : null;
    }

    @Test
    void aYamlSyntaxErrorPointsAtItsPlace() throws Exception {
        Path folder = scene("casse");
        List<ConfigError> errors = SceneFiles.parse(folder, "layers:\n  - name: a\n    type: [camera\n").errors();
        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().message().startsWith("not valid YAML"), errors.toString());
        assertTrue(errors.getFirst().line() >= 3, errors.toString());
    }

    @Test
    void aStoryboardPromptMustBeOneOfTheGeneratorsPrompts() throws Exception {
        Path folder = scene("script");
        List<ConfigError> errors = SceneFiles.parse(folder, """
                generator:
                  prompts: [mer, ciel]
                layers:
                  - {name: g, type: generate}
                storyboard:
                  cues:
                    - {at: 10s, prompt: terre}
                    - {at: 5s, prompt: mer}
                """).errors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("prompt 'terre' is not among the generator's prompts"), errors.toString());
        assertTrue(errors.get(1).message().contains("cues must be in time order"), errors.toString());
    }

    @Test
    void theGeneratorsRateAndDeviceAreSceneKeys() throws Exception {
        Path folder = scene("cadence");
        ConfigResult<SceneDefinition> parsed = SceneFiles.parse(folder, """
                generator:
                  rate: 15
                  device: cuda:1
                layers:
                  - {name: g, type: generate}
                """);
        GeneratorSettings generator = assertInstanceOf(ConfigResult.Valid.class, parsed, () -> parsed.errors().toString())
                .value() instanceof SceneDefinition scene ? scene.generator() : null;
        assertEquals(15, generator.rate());
        assertEquals("cuda:1", generator.device());

        GeneratorSettings defaults = SceneFiles.parse(folder, "layers:\n  - {name: g, type: generate}\n") instanceof
                ConfigResult.Valid<SceneDefinition> valid ? valid.value().generator() : null;
        assertEquals(30, defaults.rate());
        assertEquals("", defaults.device());

        List<ConfigError> errors = SceneFiles.parse(folder, """
                generator:
                  rate: 0
                  device: gpu
                layers:
                  - {name: g, type: generate}
                """).errors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("rate"), errors.toString());
        assertEquals(3, errors.get(1).line(), errors.toString());
        assertTrue(errors.get(1).message().contains("unknown device 'gpu': expected auto, cpu, cuda or tensorrt"), errors.toString());
    }

    @Test
    void streamBatchingIsASceneKeyThatReachesTheModel() throws Exception {
        Path folder = scene("flux");
        ConfigResult<SceneDefinition> parsed = SceneFiles.parse(folder, """
                generator:
                  steps: 2
                  stream_batch: on
                layers:
                  - {name: g, type: generate}
                  - {name: h, type: generate, generator: {stream_batch: off}}
                """);
        SceneDefinition scene = assertInstanceOf(ConfigResult.Valid.class, parsed, () -> parsed.errors().toString())
                .value() instanceof SceneDefinition valid ? valid : null;
        assertEquals(StreamBatching.ON, scene.generator().streamBatching());
        assertEquals(StreamBatching.ON, SceneResources.modelOf(scene.generator(), folder).streamBatching());
        GeneratorSettings layer = assertInstanceOf(LayerDefinition.Generate.class, scene.layers().get(1)).generator()
                .orElseThrow();
        assertEquals(StreamBatching.OFF, layer.streamBatching(), "a layer's own setting");

        GeneratorSettings defaults = SceneFiles.parse(folder, "layers:\n  - {name: g, type: generate}\n") instanceof
                ConfigResult.Valid<SceneDefinition> valid ? valid.value().generator() : null;
        assertEquals(StreamBatching.AUTO, defaults.streamBatching());

        List<ConfigError> errors = SceneFiles.parse(folder, """
                generator:
                  stream_batch: always
                layers:
                  - {name: g, type: generate}
                """).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(2, errors.getFirst().line(), errors.toString());
        assertTrue(errors.getFirst().message().contains("stream_batch"), errors.toString());
        assertTrue(errors.getFirst().message().contains("auto, on, off"), errors.toString());
    }

    @Test
    void aMissingSceneFileSaysSo() {
        List<ConfigError> errors = SceneFiles.load(root.resolve("nowhere")).errors();
        assertEquals("no such file", errors.getFirst().message());
    }
}
