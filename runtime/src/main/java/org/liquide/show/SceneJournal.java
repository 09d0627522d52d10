package org.liquide.show;

import org.liquide.generate.ModelSpec;
import org.liquide.generate.provenance.Provenances;
import org.liquide.record.Journal;
import org.liquide.record.JournalEntry;
import org.liquide.scene.SceneInstance;
import org.liquide.scene.SceneModels;
import org.liquide.scene.SceneResources;
import org.liquide.scene.model.SceneDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The journal's {@code scene} entry for each scene put on stage, with its prompts, seed, model and the provenance of
 * each model in use (repository, commit, files with sha256, licence, size). Told on the render thread; the entry is
 * made and written on {@code liquide-journal-scenes}, since reading the models' digests takes time.
 */
final class SceneJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SceneJournal.class);
    private final Journal journal;
    private final SceneResources resources;
    private final Provenances provenances = new Provenances();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("liquide-journal-scenes").daemon().unstarted(runnable));

    SceneJournal(Journal journal, SceneResources resources) {
        this.journal = journal;
        this.resources = resources;
    }

    /** On the render thread: hands the entry to the writer, never waiting. */
    void sceneShown(SceneInstance scene) {
        LOG.info("scene on stage: {}", scene.name());
        var definition = scene.definition();
        Instant now = Instant.now();
        try {
            writer.execute(() -> journal.append(new JournalEntry(now, "scene", "", Map.of("scene", definition.name(),
                    "model", definition.generator().model(), "prompts", definition.generator().prompts(),
                    "seed", definition.generator().seed(), "models", modelProvenance(definition)))));
        } catch (RejectedExecutionException closing) {
            // the show is closing: the entry goes with it
        }
    }

    /** Each model of the scene with where it comes from; a model whose files cannot be read says so. */
    private List<Map<String, Object>> modelProvenance(SceneDefinition scene) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelSpec spec : SceneModels.inUse(scene, resources::model)) {
            try {
                models.add(provenances.of(spec).fields());
            } catch (UncheckedIOException | IllegalArgumentException e) {
                models.add(Map.of("source", spec.source(), "error", String.valueOf(e.getMessage())));
            }
        }
        return models;
    }

    /** Writes the entries already handed over (for at most 2 s), then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
