package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.TinyModels;
import org.liquide.generate.hub.FileDigests;
import org.liquide.generate.hub.HubCache;
import org.liquide.hardware.testing.Await;
import org.liquide.record.JournalEntry;
import org.liquide.show.status.GeneratorStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A scene names its model {@code hf:org/name@commit}: the show finds it in the Hugging Face cache with no network,
 * runs it, and the journal's scene entry says where it comes from.
 */
class ModelProvenanceJournalTest {
    private static final String COMMIT = "fedcba9876543210fedcba9876543210fedcba98";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @AfterEach
    void forgetCache() {
        System.clearProperty(HubCache.PROPERTY);
    }

    @Test
    void aSceneRunsAModelOfTheHubCacheByNameAndTheJournalRecordsItsProvenance() throws Exception {
        HubCache cache = new HubCache(dir.resolve("hf-cache"));
        Path made = TinyModels.imageToImage(dir.resolve("invert.onnx"), 0, 0);
        String sha = FileDigests.sha256(made);
        Files.createDirectories(cache.blob("liquide-test/invert", sha).getParent());
        Files.copy(made, cache.blob("liquide-test/invert", sha));
        Files.writeString(cache.blob("liquide-test/invert", "card"), "---\nlicense: mit\n---\n# invert\n");
        cache.link("liquide-test/invert", COMMIT, "model.onnx", sha);
        cache.link("liquide-test/invert", COMMIT, "README.md", "card");
        System.setProperty(HubCache.PROPERTY, cache.root().toString());

        Path scene = Files.createDirectories(dir.resolve("scenes/inverse"));
        Files.writeString(scene.resolve("scene.yaml"), """
                generator: {model: "hf:liquide-test/invert@%s/model.onnx", size: 32x32}
                layers:
                  - {name: genere, type: generate, camera: salle}
                """.formatted(COMMIT));

        try (ShowRuntime runtime = ShowLauncher.start(TestShowcases.config(dir, List.of("inverse"), Optional.empty(), false, List.of()),
                TestShowcases.offscreen())) {
            Await.until(WITHIN, "the model of the cache running", () -> runtime.status().generators().stream()
                    .anyMatch(g -> g.state().equals("running") && g.model().equals("model.onnx")));
            Await.until(WITHIN, "the scene in the journal", () -> !runtime.journal().entries(e -> e.type().equals("scene")).isEmpty());
            JournalEntry entry = runtime.journal().entries(e -> e.type().equals("scene")).getFirst();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> models = (List<Map<String, Object>>) entry.fields().get("models");
            assertEquals(1, models.size(), entry.toString());
            Map<String, Object> model = models.getFirst();
            assertEquals("hf:liquide-test/invert@" + COMMIT + "/model.onnx", model.get("source"));
            assertEquals("liquide-test/invert", model.get("repo"));
            assertEquals(COMMIT, model.get("commit"));
            assertEquals("mit", model.get("licence"));
            assertEquals(((Number) Files.size(made)).intValue(), ((Number) model.get("bytes")).intValue());
            assertEquals(List.of(Map.of("name", "model.onnx", "size", (int) Files.size(made), "sha256", sha)), model.get("files"));
        }
    }
}
