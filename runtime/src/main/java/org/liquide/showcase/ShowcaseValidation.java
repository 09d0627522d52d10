package org.liquide.showcase;

import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.provenance.Licence;
import org.liquide.generate.provenance.LicenceUse;
import org.liquide.generate.provenance.Provenances;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.SceneModels;
import org.liquide.scene.model.SceneDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A showcase checked as a whole: its own file, every scene it can show, every node file, and its models' licences
 * against the use it declares. {@code warnings} do not make it invalid (a licence to read before the show).
 */
public record ShowcaseValidation(ConfigResult<ShowcaseConfig> showcase, Map<String, ConfigResult<SceneDefinition>> scenes,
                                 List<ConfigError> nodeErrors, List<ConfigError> licenceErrors, List<String> warnings) {

    public static ShowcaseValidation of(Path file) {
        ConfigResult<ShowcaseConfig> showcase = ShowcaseFiles.load(file);
        Map<String, ConfigResult<SceneDefinition>> scenes = new LinkedHashMap<>();
        List<ConfigError> nodeErrors = new ArrayList<>();
        List<ConfigError> licenceErrors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
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
            config.usage().ifPresent(usage -> checkLicences(config, usage, scenes, licenceErrors, warnings));
        }
        return new ShowcaseValidation(showcase, scenes, nodeErrors, licenceErrors, warnings);
    }

    /** Each model a scene runs, against the declared use: a licence that forbids it is an error, one unknown a warning. */
    private static void checkLicences(ShowcaseConfig config, Usage usage, Map<String, ConfigResult<SceneDefinition>> scenes,
                                      List<ConfigError> errors, List<String> warnings) {
        if (!usage.commercial()) {
            return;
        }
        Map<String, String> checked = new LinkedHashMap<>();
        scenes.forEach((name, scene) -> {
            if (scene instanceof ConfigResult.Valid<SceneDefinition> valid) {
                for (ModelSpec spec : SceneModels.inUse(valid.value(), (settings, folder) -> ShowcaseModels.spec(config.models(), settings, folder))) {
                    if (!spec.isBuiltin() && checked.putIfAbsent(spec.source(), name) == null) {
                        Licence licence = Provenances.licence(spec);
                        switch (LicenceUse.commercial(licence)) {
                            case FORBIDDEN -> errors.add(new ConfigError(config.file().toString(), usage.line(), usage.column(),
                                    "model " + spec.source() + " (scene " + name + ") is under " + licence.display()
                                            + ", which forbids commercial use, and this showcase declares commercial: true"));
                            case CHECK -> warnings.add("model " + spec.source() + " (scene " + name + "): licence "
                                    + licence.display() + " is not one Liquide knows; read its model card before a commercial showing");
                            case ALLOWED -> {
                            }
                        }
                    }
                }
            }
        });
    }

    /** The cameras, models and output targets (DMX channels) a showcase offers its scenes. */
    public static SceneFiles.Showcase context(ShowcaseConfig config) {
        return new SceneFiles.Showcase(config.cameras().stream().map(CameraConfig::name).collect(java.util.stream.Collectors.toSet()),
                config.models().keySet(), java.util.Set.copyOf(config.dmx().targetNames()));
    }

    /** Every error of the showcase, its scenes and its nodes. */
    public List<ConfigError> errors() {
        List<ConfigError> all = new ArrayList<>(showcase.errors());
        scenes.values().forEach(scene -> all.addAll(scene.errors()));
        all.addAll(nodeErrors);
        all.addAll(licenceErrors);
        return all;
    }

    public boolean valid() {
        return errors().isEmpty();
    }
}
