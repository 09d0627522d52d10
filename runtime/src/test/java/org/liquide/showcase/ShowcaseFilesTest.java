package org.liquide.showcase;

import org.liquide.oscout.OscSignalOut;
import org.liquide.oscout.OscTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** showcase.yaml: the residency's own file is valid; a technician's mistakes are located and explained. */
class ShowcaseFilesTest {
    @TempDir
    Path dir;

    private static final String SCENE = "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n";

    private Path write(String showcase) throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), SCENE);
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, showcase);
        return file;
    }

    private List<String> errors(String showcase) throws Exception {
        ConfigResult<ShowcaseConfig> result = ShowcaseFiles.load(write(showcase));
        assertInstanceOf(ConfigResult.Invalid.class, result, "the file should be refused");
        return result.errors().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
    }

    private static void assertHas(List<String> errors, String expected) {
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(expected.substring(0, expected.indexOf(' '))) && e.contains(expected.substring(expected.indexOf(' ') + 1))),
                "expected an error like '" + expected + "' in " + errors);
    }

    @Test
    void theResidencysShowcaseIsValid() {
        ShowcaseValidation validation = ShowcaseValidation.of(Path.of("../showcase-config/showcase.yaml"));
        assertTrue(validation.valid(), () -> validation.errors().toString());
        ShowcaseConfig config = ((ConfigResult.Valid<ShowcaseConfig>) validation.showcase()).value();
        assertEquals("ecritures-liquides", config.name());
        assertEquals(List.of("mur"), config.displays().stream().map(d -> d.name()).toList());
        assertEquals(3, config.nodes().size());
        assertFalse(config.recording().includeCamera(), "visitors' images stay off disk by default");
        assertEquals(List.of("hybridation", "biais", "ecriture-liquide"), config.playlist().stream().map(PlaylistEntry::scene).toList());
    }

    @Test
    void theRoomFileIsTheRehearsalWithWhatDiffersInTheRoom() {
        ShowcaseValidation validation = ShowcaseValidation.of(Path.of("../showcase-config/showcase.room.yaml"));
        assertTrue(validation.valid(), () -> validation.errors().toString());
        ShowcaseConfig room = ((ConfigResult.Valid<ShowcaseConfig>) validation.showcase()).value();
        ShowcaseConfig rehearsal = ((ConfigResult.Valid<ShowcaseConfig>) ShowcaseFiles.load(Path.of("../showcase-config/showcase.yaml"))).value();

        assertEquals(List.of(new CameraConfig("salle", "/dev/video0", true, true)), room.cameras(), "the room camera, as a mirror");
        assertEquals(List.of(new CameraConfig("salle", "test", true, false)), rehearsal.cameras(), "the test pattern, as it is");
        assertFalse(room.simulateNodes());
        assertTrue(rehearsal.simulateNodes());
        assertEquals("0.0.0.0", room.control().host());
        assertEquals(List.of("regie.local"), room.control().allowedHosts());
        assertEquals(rehearsal.control().port(), room.control().port(), "what the room does not say is the rehearsal's");
        assertEquals(rehearsal.control().tokenFile(), room.control().tokenFile());
        assertEquals(rehearsal.osc().orElseThrow().port(), room.osc().orElseThrow().port());
        assertEquals(rehearsal.playlist(), room.playlist());
        assertEquals(rehearsal.nodes(), room.nodes());
        assertEquals(rehearsal.schedule().hours().zone(), room.schedule().hours().zone());
        java.time.LocalDate vernissage = java.time.LocalDate.of(2027, 1, 14);
        assertEquals(rehearsal.schedule().hours().rangesOn(vernissage), room.schedule().hours().rangesOn(vernissage));
        assertEquals(rehearsal.scenesFolder(), room.scenesFolder());
    }

    @Test
    void aMistakeIsReportedInTheFileThatHoldsIt() throws Exception {
        write("showcase: essai\nscenes: scenes\noutput: {size: 1280x720, fps: 600}\nplaylist:\n  - {scene: atelier, duration: 1m}\n");
        Path room = dir.resolve("room.yaml");
        Files.writeString(room, "include: showcase.yaml\noutput: {size: huge}\nsimulate_nodes: perhaps\n");
        List<String> errors = ShowcaseFiles.load(room).errors().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
        assertHas(errors, "room.yaml:2:16 size");
        assertHas(errors, "room.yaml:3:17 simulate_nodes");
        assertHas(errors, "showcase.yaml:3:31 fps");
        assertEquals(3, errors.size(), errors::toString);

        Files.writeString(room, "include: ../showcase.yaml\n");
        assertHas(ShowcaseFiles.load(room).errors().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList(),
                "room.yaml:1:10 include: expected the name of a file beside this one");
    }

    @Test
    void recordingsCarryTheMicrophoneOnlyWhereThePrivacySettingSaysSo() throws Exception {
        String showcase = "showcase: essai\nscenes: scenes\nplaylist:\n  - {scene: atelier, duration: 1m}\n";
        ShowcaseConfig plain = ((ConfigResult.Valid<ShowcaseConfig>) ShowcaseFiles.load(write(showcase))).value();
        assertFalse(plain.recording().includeMicrophone(), "only what the show plays, by default");
        ShowcaseConfig allowed = ((ConfigResult.Valid<ShowcaseConfig>) ShowcaseFiles.load(
                write(showcase + "recording: {include_microphone: true}\n"))).value();
        assertTrue(allowed.recording().includeMicrophone());
        assertHas(errors(showcase + "recording: {include_microphone: 3}\n"), "showcase.yaml:5:33 'include_microphone' must be true or false");
    }

    @Test
    void aMinimalShowcaseTakesTheDefaults() throws Exception {
        ConfigResult<ShowcaseConfig> result = ShowcaseFiles.load(write("showcase: essai\nscenes: scenes\nplaylist:\n  - {scene: atelier, duration: 1m30s}\n"));
        ShowcaseConfig config = ((ConfigResult.Valid<ShowcaseConfig>) result).value();
        assertEquals(1280, config.output().width());
        assertTrue(config.displays().isEmpty());
        assertTrue(config.broker().isEmpty(), "no broker is contacted unless named");
        assertEquals(90, config.playlist().getFirst().durationSeconds(), 1e-9);
    }

    @Test
    void oscOutTargetsReadWithTheirEventsRateAndRawOrMappedSignals() throws Exception {
        ConfigResult<ShowcaseConfig> result = ShowcaseFiles.load(write("""
                showcase: essai
                scenes: scenes
                playlist:
                  - {scene: atelier, duration: 1m}
                osc_out:
                  - host: 192.168.1.20
                    port: 9001
                    rate: 20
                    signals:
                      - presence
                      - {signal: distance, address: /live/track/1/volume, from: [0.3, 2.0], to: [1, 0]}
                  - {host: 127.0.0.1, port: 53000, events: true}
                """));
        ShowcaseConfig config = ((ConfigResult.Valid<ShowcaseConfig>) result).value();
        assertEquals(2, config.oscOut().size());
        OscTarget sound = config.oscOut().getFirst();
        assertEquals("192.168.1.20:9001", sound.name());
        assertTrue(sound.events(), "events by default");
        assertEquals(20, sound.rate());
        assertEquals(OscSignalOut.raw("presence"), sound.signals().get(0));
        OscSignalOut distance = sound.signals().get(1);
        assertEquals("/live/track/1/volume", distance.address());
        assertEquals(0.5, distance.map(1.15), 1e-9);
        assertEquals(0.0, distance.map(9), 1e-9, "clamped to the output range");
        assertEquals(30, config.oscOut().get(1).rate(), "30 a second by default");
        assertTrue(config.oscOut().get(1).signals().isEmpty());
    }

    @Test
    void oscOutMistakesAreLocated() throws Exception {
        List<String> errors = errors("""
                showcase: essai
                scenes: scenes
                playlist:
                  - {scene: atelier, duration: 1m}
                osc_out:
                  - {host: desk, port: 70000, rate: 0}
                  - {port: 9000, signals: [{signal: a, address: live/volume, to: [1]}]}
                """);
        assertHas(errors, "showcase.yaml:6:24 port");
        assertHas(errors, "showcase.yaml:6:37 rate");
        assertHas(errors, "showcase.yaml:7:5 host");
        assertHas(errors, "showcase.yaml:7:49 must start with /");
        assertHas(errors, "showcase.yaml:7:66 two numbers");
    }

    @Test
    void mistakesAreLocatedAndExplained() throws Exception {
        List<String> errors = errors("""
                showcase: essai
                scenes: scenes
                ouptut: {size: 1280x720}
                displays:
                  - name: mur
                    size: 1920x
                    corners: [[0.5, 0.5], [1, 0], [1, 1], [0, 1]]
                playlist:
                  - {scene: atelierr, duration: 10 minutes}
                """);
        assertHas(errors, "showcase.yaml:3:1 'ouptut'");
        assertHas(errors, "showcase.yaml:3:1 output");
        assertHas(errors, "showcase.yaml:6:11 size");
        assertHas(errors, "showcase.yaml:7:14 would fold the picture");
        assertHas(errors, "showcase.yaml:9:13 did you mean 'atelier'");
        assertHas(errors, "showcase.yaml:9:33 duration");
    }

    @Test
    void aSceneNamingACameraOrAModelTheShowcaseDoesNotHaveIsRefusedWhereTheNameIs() throws Exception {
        Files.createDirectories(dir.resolve("scenes/salle"));
        Files.writeString(dir.resolve("scenes/salle/scene.yaml"), """
                generator: {model: buitlin}
                layers:
                  - {name: visiteur, type: camera, camera: sale}
                  - {name: fond, type: generate}
                """);
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, "showcase: essai\ncameras: [{name: salle, source: test}]\nscenes: scenes\nplaylist: [{scene: salle, duration: 1m}]\n");
        ShowcaseValidation validation = ShowcaseValidation.of(file);
        List<String> errors = validation.errors().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
        assertHas(errors, "scenes/salle/scene.yaml:1:20 no model 'buitlin'");
        assertHas(errors, "scenes/salle/scene.yaml:1:20 did you mean 'builtin'?");
        assertHas(errors, "scenes/salle/scene.yaml:3:44 no camera 'sale' in the showcase (cameras: salle); did you mean 'salle'?");
    }
}
