package org.liquide.showcase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.midi.MidiConfig;
import org.liquide.midi.MidiController;
import org.liquide.midi.MidiOutConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The midi section of showcase.yaml: controllers by a part of their device name, program changes out. */
class ShowcaseMidiTest {
    @TempDir
    Path dir;

    private static final String HEAD = "showcase: essai\nscenes: scenes\nplaylist:\n  - {scene: atelier, duration: 1m}\n";

    private ConfigResult<ShowcaseConfig> load(String showcase) throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n");
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, showcase);
        return ShowcaseFiles.load(file);
    }

    @Test
    void controllersAndTheOutputAreRead() throws Exception {
        ConfigResult<ShowcaseConfig> result = load(HEAD + """
                midi:
                  controllers:
                    nano: nanoKONTROL2
                    pads: {device: APC mini, channel: 10}
                  out: {device: IAC, programs: {atelier: 12}}
                """);
        MidiConfig midi = assertInstanceOf(ConfigResult.Valid.class, result, result.errors().toString()) instanceof ConfigResult.Valid<?> v
                ? ((ShowcaseConfig) v.value()).midi() : null;
        assertEquals(new MidiConfig(List.of(new MidiController("nano", "nanoKONTROL2", 0), new MidiController("pads", "APC mini", 10)),
                Optional.of(new MidiOutConfig("IAC", 1, Map.of("atelier", 12)))), midi);
    }

    @Test
    void mistakesAreLocated() throws Exception {
        List<String> errors = load(HEAD + """
                midi:
                  controllers:
                    Nano: nanoKONTROL2
                    pads: {device: "", channel: 17}
                  out: {channel: 0, programs: {atelier: 128}}
                  in: {}
                """).errors().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
        assertHas(errors, "showcase.yaml:7:5: a MIDI controller's name must be lower-case");
        assertHas(errors, "showcase.yaml:8:20: 'device' must be a part of the device's name, e.g. nanoKONTROL, not empty");
        assertHas(errors, "showcase.yaml:8:33: 'channel' must be a MIDI channel, 1 to 16");
        assertHas(errors, "showcase.yaml:9:8: missing 'device'");
        assertHas(errors, "showcase.yaml:9:18: 'channel' must be a MIDI channel, 1 to 16");
        assertHas(errors, "showcase.yaml:9:41: 'atelier' must be a program number, 0 to 127");
        assertHas(errors, "showcase.yaml:10:3: unknown key 'in'");
    }

    private static void assertHas(List<String> errors, String expected) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), "expected an error like '" + expected + "' in " + errors);
    }
}
