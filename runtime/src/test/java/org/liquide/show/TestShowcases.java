package org.liquide.show;

import org.liquide.render.OutputSettings;
import org.liquide.render.output.DisplaySetup;
import org.liquide.showcase.SyncRole;
import org.liquide.showcase.OpeningHours;
import org.liquide.showcase.CameraConfig;
import org.liquide.showcase.ControlConfig;
import org.liquide.showcase.OutputConfig;
import org.liquide.showcase.PlaylistEntry;
import org.liquide.showcase.RecordingConfig;
import org.liquide.showcase.ScheduleConfig;
import org.liquide.showcase.ShowcaseConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Showcases for tests: a scenes folder of the test's, the test pattern camera, small offscreen output. */
final class TestShowcases {
    private TestShowcases() {
    }

    static ShowcaseConfig config(Path folder, List<String> playlist, Optional<URI> broker, boolean simulate, List<Path> nodes) {
        return new ShowcaseConfig(folder.resolve("showcase.yaml"), "test", "test-machine", new OutputConfig(160, 90, 60), List.of(),
                List.of(new CameraConfig("salle", "test", false, false)), broker, Optional.empty(), nodes, simulate, Map.of(),
                folder.resolve("scenes"), new ScheduleConfig(OpeningHours.always(ZoneId.of("Europe/Paris")), Optional.empty(), Optional.empty()),
                playlist.stream().map(scene -> new PlaylistEntry(scene, 3600, 0)).toList(),
                new ControlConfig(false, "127.0.0.1", 0, folder.resolve("token"), false),
                new RecordingConfig(folder.resolve("journal"), 0, false), SyncRole.PEER);
    }

    /** The same showcase with these displays. */
    static ShowcaseConfig withDisplays(ShowcaseConfig c, List<DisplaySetup> displays) {
        return c.withDisplays(displays);
    }

    /** The same showcase as another machine of the room, sharing the show as {@code role}. */
    static ShowcaseConfig asMachine(ShowcaseConfig c, String machine, SyncRole role) {
        return c.withMachine(machine, role);
    }

    /** The same showcase with its control panel on a free port, status readable without the token. */
    static ShowcaseConfig withOpenPanel(ShowcaseConfig c) {
        return c.withControl(new ControlConfig(true, "127.0.0.1", 0, c.control().tokenFile(), true));
    }

    /** The same showcase listening to OSC on this address. */
    static ShowcaseConfig withOsc(ShowcaseConfig c, org.liquide.showcase.OscConfig osc) {
        return c.withOsc(Optional.of(osc));
    }

    /** As {@link #offscreen()}, with the control panel when the showcase has one. */
    static RunOptions offscreenWithPanel() {
        return new RunOptions(OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(60),
                false, true, Optional.empty(), true);
    }

    static RunOptions offscreen() {
        return new RunOptions(OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(60),
                false, false, Optional.empty(), true);
    }

    /** The same showcase with its journal allowed (or not) to hold the camera's images. */
    static ShowcaseConfig withCameraRecorded(ShowcaseConfig c, boolean includeCamera) {
        return c.withRecording(new RecordingConfig(c.recording().journal(), c.recording().snapshotEverySeconds(), includeCamera));
    }

    /** The same showcase with each playlist entry shown for {@code seconds}. */
    static ShowcaseConfig withTurns(ShowcaseConfig c, double seconds) {
        return c.withPlaylist(c.playlist().stream().map(e -> new PlaylistEntry(e.scene(), seconds, 0)).toList());
    }

    /** The same showcase playing its scenes' sound on the default output. */
    static ShowcaseConfig withSound(ShowcaseConfig c) {
        return c.withAudio(new org.liquide.sound.AudioConfig(List.of(), Optional.of(org.liquide.sound.AudioOutputSpec.DEFAULT)));
    }
}
