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
import java.util.Objects;
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
        Objects.requireNonNull(dmx, "dmx");
        Objects.requireNonNull(midi, "midi");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(brokerSecurity, "brokerSecurity");
        oscOut = List.copyOf(oscOut);
        displays = List.copyOf(displays);
        cameras = List.copyOf(cameras);
        nodes = List.copyOf(nodes);
        models = Map.copyOf(models);
        playlist = List.copyOf(playlist);
    }

    /**
     * A showcase of one machine, without a broker account, OSC out targets, a declared use, DMX, MIDI or
     * sound (a demo's, a test's, the endurance run's); the {@code with} methods add them.
     */
    public ShowcaseConfig(Path file, String name, String machine, OutputConfig output, List<DisplaySetup> displays,
                          List<CameraConfig> cameras, Optional<URI> broker, Optional<OscConfig> osc, List<Path> nodes,
                          boolean simulateNodes, Map<String, ModelConfig> models, Path scenesFolder,
                          ScheduleConfig schedule, List<PlaylistEntry> playlist, ControlConfig control,
                          RecordingConfig recording, SyncRole sync) {
        this(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes, models, scenesFolder,
                schedule, playlist, control, recording, sync, BrokerSecurity.NONE, List.of(), Optional.empty(),
                DmxConfig.NONE, MidiConfig.NONE, AudioConfig.NONE);
    }

    /** The same showcase as another machine of the room, sharing the show as {@code newSync}. */
    public ShowcaseConfig withMachine(String newMachine, SyncRole newSync) {
        return new ShowcaseConfig(file, name, newMachine, output, displays, cameras, broker, osc, nodes,
                simulateNodes, models, scenesFolder, schedule, playlist, control, recording, newSync, brokerSecurity,
                oscOut, usage, dmx, midi, audio);
    }

    /** The same showcase with these displays. */
    public ShowcaseConfig withDisplays(List<DisplaySetup> newDisplays) {
        return new ShowcaseConfig(file, name, machine, output, newDisplays, cameras, broker, osc, nodes,
                simulateNodes, models, scenesFolder, schedule, playlist, control, recording, sync, brokerSecurity,
                oscOut, usage, dmx, midi, audio);
    }

    /** The same showcase with these cameras. */
    public ShowcaseConfig withCameras(List<CameraConfig> newCameras) {
        return new ShowcaseConfig(file, name, machine, output, displays, newCameras, broker, osc, nodes,
                simulateNodes, models, scenesFolder, schedule, playlist, control, recording, sync, brokerSecurity,
                oscOut, usage, dmx, midi, audio);
    }

    /** The same showcase listening to OSC as {@code newOsc} says. */
    public ShowcaseConfig withOsc(Optional<OscConfig> newOsc) {
        return new ShowcaseConfig(file, name, machine, output, displays, cameras, broker, newOsc, nodes,
                simulateNodes, models, scenesFolder, schedule, playlist, control, recording, sync, brokerSecurity,
                oscOut, usage, dmx, midi, audio);
    }

    /** The same showcase with this playlist. */
    public ShowcaseConfig withPlaylist(List<PlaylistEntry> newPlaylist) {
        return new ShowcaseConfig(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes,
                models, scenesFolder, schedule, newPlaylist, control, recording, sync, brokerSecurity, oscOut, usage,
                dmx, midi, audio);
    }

    /** The same showcase with this control panel. */
    public ShowcaseConfig withControl(ControlConfig newControl) {
        return new ShowcaseConfig(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes,
                models, scenesFolder, schedule, playlist, newControl, recording, sync, brokerSecurity, oscOut, usage,
                dmx, midi, audio);
    }

    /** The same showcase with this journal. */
    public ShowcaseConfig withRecording(RecordingConfig newRecording) {
        return new ShowcaseConfig(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes,
                models, scenesFolder, schedule, playlist, control, newRecording, sync, brokerSecurity, oscOut, usage,
                dmx, midi, audio);
    }

    /** The same showcase with this broker account. */
    public ShowcaseConfig withBrokerSecurity(BrokerSecurity newBrokerSecurity) {
        return new ShowcaseConfig(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes,
                models, scenesFolder, schedule, playlist, control, recording, sync, newBrokerSecurity, oscOut, usage,
                dmx, midi, audio);
    }

    /** The same showcase with this sound. */
    public ShowcaseConfig withAudio(AudioConfig newAudio) {
        return new ShowcaseConfig(file, name, machine, output, displays, cameras, broker, osc, nodes, simulateNodes,
                models, scenesFolder, schedule, playlist, control, recording, sync, brokerSecurity, oscOut, usage,
                dmx, midi, newAudio);
    }
}
