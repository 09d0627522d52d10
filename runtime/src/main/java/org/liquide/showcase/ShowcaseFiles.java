package org.liquide.showcase;

import org.liquide.config.ConfigResult;
import org.liquide.config.Problems;
import org.liquide.config.YamlOverlay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code showcase.yaml}: displays, cameras, broker and nodes, models, schedule, playlist, control
 * panel and recording. Every error is reported at once as {@code file:line:col: message}; see
 * {@code showcase-config/README.md} for the format.
 */
public final class ShowcaseFiles {
    private ShowcaseFiles() {
    }

    public static ConfigResult<ShowcaseConfig> load(Path file) {
        Problems problems = new Problems(file.toString());
        Optional<ShowcaseConfig> config = YamlOverlay.read(file, problems, "'showcase:', 'playlist:' and the room's settings")
                .flatMap(root -> new ShowcaseReader(file, problems).read(root));
        if (problems.any() || config.isEmpty()) {
            return new ConfigResult.Invalid<>(problems.inFileOrder());
        }
        return new ConfigResult.Valid<>(config.get());
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
