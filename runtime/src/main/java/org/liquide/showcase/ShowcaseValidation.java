package org.liquide.showcase;

import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.model.SceneDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A showcase checked as a whole: its own file, every scene it can show, every node file. */
public record ShowcaseValidation(ConfigResult<ShowcaseConfig> showcase, Map<String, ConfigResult<SceneDefinition>> scenes,
                                 List<ConfigError> nodeErrors) {

    public static ShowcaseValidation of(Path file) {
        ConfigResult<ShowcaseConfig> showcase = ShowcaseFiles.load(file);
        Map<String, ConfigResult<SceneDefinition>> scenes = new LinkedHashMap<>();
        List<ConfigError> nodeErrors = new ArrayList<>();
        if (showcase instanceof ConfigResult.Valid<ShowcaseConfig> valid) {
            ShowcaseConfig config = valid.value();
            Set<String> names = new LinkedHashSet<>();
            config.playlist().forEach(entry -> names.add(entry.scene()));
            config.schedule().outsideScene().ifPresent(names::add);
            List<String> queue = new ArrayList<>(names);
            SceneFiles.Showcase around = context(config);
            for (int i = 0; i < queue.size(); i++) {
                String name = queue.get(i);
                ConfigResult<SceneDefinition> scene = SceneFiles.load(config.scenesFolder().resolve(name), around);
                scenes.put(name, scene);
                if (scene instanceof ConfigResult.Valid<SceneDefinition> s) {
                    s.value().idle().flatMap(idle -> idle.attractScene()).filter(n -> !queue.contains(n)).ifPresent(queue::add);
                }
            }
            for (Path node : config.nodes()) {
                nodeErrors.addAll(NodeFiles.validate(node));
            }
        }
        return new ShowcaseValidation(showcase, scenes, nodeErrors);
    }

    /** The cameras and models a showcase offers its scenes. */
    public static SceneFiles.Showcase context(ShowcaseConfig config) {
        return new SceneFiles.Showcase(config.cameras().stream().map(CameraConfig::name).collect(java.util.stream.Collectors.toSet()),
                config.models().keySet());
    }

    /** Every error of the showcase, its scenes and its nodes. */
    public List<ConfigError> errors() {
        List<ConfigError> all = new ArrayList<>(showcase.errors());
        scenes.values().forEach(scene -> all.addAll(scene.errors()));
        all.addAll(nodeErrors);
        return all;
    }

    public boolean valid() {
        return errors().isEmpty();
    }
}
