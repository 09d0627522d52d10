package org.liquide.showcase;

import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlList;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A showcase's {@code playlist:}: the scenes in order, each with its duration and transition. */
final class PlaylistReader {
    private final Problems problems;

    PlaylistReader(Problems problems) {
        this.problems = problems;
    }

    List<PlaylistEntry> playlist(Node node, Path scenes) {
        List<PlaylistEntry> entries = YamlList.items(node, "playlist", item -> {
            Optional<YamlMapping> maybe = YamlMapping.of(item, "a playlist entry", "a mapping with scene and duration", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            Optional<Node> sceneNode = map.require("scene", "a scene folder's name");
            Optional<String> scene = sceneNode.flatMap(n -> Scalars.text(n, "scene", "a scene name", problems));
            scene.ifPresent(s -> checkScene(s, scenes, sceneNode.get()));
            double duration = map.get("duration").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "duration", 1, 86400 * 7, problems))).orElse(600.0);
            double transition = map.get("transition").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "transition", 0, 600, problems)))
                    .orElse(Double.NaN); // the scene's own
            map.rejectUnknown(List.of("scene", "duration", "transition"));
            return scene.map(s -> new PlaylistEntry(s, duration, transition));
        }, problems);
        if (entries.isEmpty() && !problems.any()) {
            problems.at(node, "the playlist is empty: it needs at least one scene");
        }
        return entries;
    }

    /** Reports a scene that has no folder with a scene.yaml in {@code scenes}. */
    void checkScene(String scene, Path scenes, Node at) {
        if (!Files.isRegularFile(scenes.resolve(scene).resolve("scene.yaml"))) {
            List<String> known = ShowcaseFiles.knownScenes(scenes);
            String hint = Suggestions.closest(scene, known).map(c -> "; did you mean '" + c + "'?").orElse("");
            problems.at(at, "no scene '" + scene + "' in " + scenes + " (scenes there: " + String.join(", ", known) + ")" + hint);
        }
    }
}
