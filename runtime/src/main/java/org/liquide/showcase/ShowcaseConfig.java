package org.liquide.showcase;

import org.liquide.render.output.DisplaySetup;
import org.liquide.show.sync.SyncRole;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole room, as {@code showcase-config/showcase.yaml} describes it.
 *
 * @param machine        this render machine's name on the broker (several may share a room)
 * @param scenesFolder   where scene folders are looked up by name
 * @param nodes          sensor node files (relative paths resolved against the showcase file)
 * @param simulateNodes  run the nodes' simulated boards in-process (rehearsal without hardware)
 * @param sync           how this runtime shares scene changes with the showcase's other runtimes on the broker
 * @param usage          the use declared for the models' licences, if any
 */
public record ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                             List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                             boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                             ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                             RecordingConfig recording, SyncRole sync, Optional<Usage> usage) {
    /** A showcase that declares no use for its models' licences. */
    public ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                          List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                          boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                          ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                          RecordingConfig recording, SyncRole sync) {
        this(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes, models, scenesFolder, schedule,
                playlist, control, recording, sync, Optional.empty());
    }

    public ShowcaseConfig {
        displays = List.copyOf(displays);
        cameras = List.copyOf(cameras);
        nodes = List.copyOf(nodes);
        models = Map.copyOf(models);
        playlist = List.copyOf(playlist);
    }
}
