package org.liquide.showcase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.generate.TinyModels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A showcase declares the use it makes of its models; validate compares it with each model card's licence. */
class ModelLicenceValidationTest {
    @TempDir
    Path dir;

    private Path showcase(String licence, String usage) throws Exception {
        Path model = Files.createDirectories(dir.resolve("models/invert"));
        TinyModels.imageToImage(model.resolve("model.onnx"), 0, 0);
        Files.writeString(model.resolve("README.md"), "---\n" + licence + "\npipeline_tag: image-to-image\n---\n# invert\n");
        Files.createDirectories(dir.resolve("scenes/salle"));
        Files.writeString(dir.resolve("scenes/salle/scene.yaml"), """
                generator: {model: inverse}
                layers:
                  - {name: fond, type: generate}
                  - {name: builtin, type: generate, generator: {model: builtin}}
                """);
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, "showcase: essai\nmodels: {inverse: {path: models/invert/model.onnx}}\n" + usage
                + "scenes: scenes\nplaylist: [{scene: salle, duration: 1m}]\n");
        return file;
    }

    @Test
    void aNonCommercialModelInACommercialShowcaseIsAnErrorWhereTheUseIsDeclared() throws Exception {
        ShowcaseValidation validation = ShowcaseValidation.of(showcase("license: cc-by-nc-4.0", "usage: {commercial: true}\n"));
        List<String> errors = validation.errors().stream().map(ConfigError::toString).toList();
        assertEquals(List.of(dir.resolve("showcase.yaml") + ":3:8: model " + dir.resolve("models/invert/model.onnx")
                + " (scene salle) is under cc-by-nc-4.0, which forbids commercial use, and this showcase declares commercial: true"), errors);
    }

    @Test
    void theSameModelIsFineForANonCommercialShowcaseOrOneThatDeclaresNothing() throws Exception {
        assertTrue(ShowcaseValidation.of(showcase("license: cc-by-nc-4.0", "usage: {commercial: false}\n")).valid());
        assertTrue(ShowcaseValidation.of(showcase("license: cc-by-nc-4.0", "")).valid());
    }

    @Test
    void aLicenceOutsideTheTableIsAWarningToReadTheCard() throws Exception {
        ShowcaseValidation other = ShowcaseValidation.of(showcase("license: other\nlicense_name: some-studio-licence", "usage: {commercial: true}\n"));
        assertTrue(other.valid(), other.errors().toString());
        assertEquals(1, other.warnings().size(), other.warnings().toString());
        assertTrue(other.warnings().getFirst().contains("licence other: some-studio-licence is not one Liquide knows"), other.warnings().toString());

        ShowcaseValidation sdTurbo = ShowcaseValidation.of(showcase("license: other\nlicense_name: sai-nc-community", "usage: {commercial: true}\n"));
        assertFalse(sdTurbo.valid(), "SD-Turbo's community licence is non-commercial");

        ShowcaseValidation openRail = ShowcaseValidation.of(showcase("license: creativeml-openrail-m", "usage: {commercial: true}\n"));
        assertTrue(openRail.valid());
        assertEquals(List.of(), openRail.warnings());
    }

    @Test
    void usageIsCheckedLikeTheRestOfTheFile() throws Exception {
        List<String> errors = ShowcaseValidation.of(showcase("license: mit", "usage: {comercial: true}\n")).errors().stream()
                .map(ConfigError::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("showcase.yaml:3:") && e.contains("commercial")), errors.toString());
    }
}
