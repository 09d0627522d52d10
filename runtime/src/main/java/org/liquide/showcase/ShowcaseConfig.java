package org.liquide.showcase;

import org.liquide.oscout.OscTarget;
import org.liquide.dmx.DmxConfig;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.midi.MidiConfig;
import org.liquide.render.output.DisplaySetup;
import org.liquide.sound.AudioConfig;

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
 * @param brokerSecurity this machine's broker account ({@code broker_credentials}) and the broker's CA ({@code broker_ca})
 * @param oscOut         OSC out targets: what the show does and chosen signals, sent to sound and light software
 * @param usage          the use declared for the models' licences, if any
 * @param dmx            DMX out (Art-Net, sACN): targets and the channels mappings move; {@link DmxConfig#NONE} without
 * @param midi           MIDI controllers as signals, program changes out; {@link MidiConfig#NONE} without
 * @param audio          the sound: inputs the show listens to, the output; {@link AudioConfig#NONE} without
 */
public record ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                             List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                             boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                             ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                             RecordingConfig recording, SyncRole sync, BrokerSecurity brokerSecurity, List<OscTarget> oscOut,
                             Optional<Usage> usage, DmxConfig dmx, MidiConfig midi, AudioConfig audio) {
    public ShowcaseConfig {
        java.util.Objects.requireNonNull(dmx, "dmx");
        java.util.Objects.requireNonNull(midi, "midi");
        java.util.Objects.requireNonNull(audio, "audio");
        java.util.Objects.requireNonNull(brokerSecurity, "brokerSecurity");
        oscOut = List.copyOf(oscOut);
        displays = List.copyOf(displays);
        cameras = List.copyOf(cameras);
        nodes = List.copyOf(nodes);
        models = Map.copyOf(models);
        playlist = List.copyOf(playlist);
    }

    /** Without DMX, MIDI or sound. */
    public ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                          List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                          boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                          ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                          RecordingConfig recording, SyncRole sync, BrokerSecurity brokerSecurity, List<OscTarget> oscOut,
                          Optional<Usage> usage) {
        this(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes, models, scenesFolder,
                schedule, playlist, control, recording, sync, brokerSecurity, oscOut, usage, DmxConfig.NONE, MidiConfig.NONE, AudioConfig.NONE);
    }

    /** With an anonymous broker (a demo's, a test's on loopback) and no OSC out targets. */
    public ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                          List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                          boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                          ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                          RecordingConfig recording, SyncRole sync) {
        this(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes, models, scenesFolder,
                schedule, playlist, control, recording, sync, BrokerSecurity.NONE, List.of(), Optional.empty(), DmxConfig.NONE, MidiConfig.NONE, AudioConfig.NONE);
    }

    /** With a broker account and no OSC out targets. */
    public ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                          List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                          boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                          ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                          RecordingConfig recording, SyncRole sync, BrokerSecurity brokerSecurity) {
        this(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes, models, scenesFolder,
                schedule, playlist, control, recording, sync, brokerSecurity, List.of(), Optional.empty(), DmxConfig.NONE, MidiConfig.NONE, AudioConfig.NONE);
    }

    /** With an anonymous broker and OSC out targets. */
    public ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                          List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                          boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                          ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                          RecordingConfig recording, SyncRole sync, List<OscTarget> oscOut) {
        this(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes, models, scenesFolder,
                schedule, playlist, control, recording, sync, BrokerSecurity.NONE, oscOut, Optional.empty(), DmxConfig.NONE, MidiConfig.NONE, AudioConfig.NONE);
    }

    /** With an anonymous broker, no OSC out targets, and the use declared for the models' licences. */
    public ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                          List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                          boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                          ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                          RecordingConfig recording, SyncRole sync, Optional<Usage> usage) {
        this(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes, models, scenesFolder,
                schedule, playlist, control, recording, sync, BrokerSecurity.NONE, List.of(), usage, DmxConfig.NONE, MidiConfig.NONE, AudioConfig.NONE);
    }
}
