package org.liquide.showcase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.sound.AudioConfig;
import org.liquide.sound.AudioInputSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** showcase.yaml's {@code audio:} section: the inputs the show listens to, and mistakes located. */
class AudioShowcaseTest {
    @TempDir
    Path dir;

    private ConfigResult<ShowcaseConfig> load(String audio) throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n");
        Files.createDirectories(dir.resolve("sounds"));
        Files.writeString(dir.resolve("sounds/bell.wav"), "not checked here");
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, "showcase: essai\nscenes: scenes\nplaylist:\n  - {scene: atelier, duration: 1m}\n" + audio);
        return ShowcaseFiles.load(file);
    }

    @Test
    void inputsAreADeviceAStreamOrALoopedFile() throws Exception {
        ConfigResult<ShowcaseConfig> result = load("""
                audio:
                  inputs:
                    - {name: room}
                    - {name: line, device: USB}
                    - {name: rehearsal, file: sounds/bell.wav}
                    - {name: regie, url: "srt://10.0.0.5:9000?mode=caller"}
                  output: {device: USB, gain: -6, limit: -3}
                """);
        AudioConfig audio = ((ConfigResult.Valid<ShowcaseConfig>) result).value().audio();
        assertEquals(java.util.Optional.of(new org.liquide.sound.AudioOutputSpec("USB", -6, -3)), audio.output());
        assertEquals(List.of(
                new AudioInputSpec("room", new AudioInputSpec.Device("default")),
                new AudioInputSpec("line", new AudioInputSpec.Device("USB")),
                new AudioInputSpec("rehearsal", new AudioInputSpec.File(dir.resolve("sounds/bell.wav"))),
                new AudioInputSpec("regie", new AudioInputSpec.Stream(java.net.URI.create("srt://10.0.0.5:9000?mode=caller")))), audio.inputs());
    }

    @Test
    void withoutAudioTheShowListensToNothingAndIsSilent() throws Exception {
        ConfigResult<ShowcaseConfig> result = load("");
        assertEquals(AudioConfig.NONE, ((ConfigResult.Valid<ShowcaseConfig>) result).value().audio());
        ConfigResult<ShowcaseConfig> defaults = load("audio:\n  output: {}\n");
        assertEquals(java.util.Optional.of(org.liquide.sound.AudioOutputSpec.DEFAULT), ((ConfigResult.Valid<ShowcaseConfig>) defaults).value().audio().output(),
                "the default device, no gain, a -1 dBFS ceiling");
    }

    @Test
    void mistakesAreLocated() throws Exception {
        ConfigResult<ShowcaseConfig> result = load("""
                audio:
                  inputs:
                    - {name: room, file: sounds/missing.wav}
                    - {name: room/left}
                    - {name: a, device: x, file: sounds/bell.wav}
                    - {name: b, gain: 2}
                    - {name: b}
                    - {name: c, url: "file:///etc/passwd"}
                    - {name: d, url: "rtp://"}
                    - {name: e, url: "udp://10.0.0.5:5004", device: USB}
                """);
        assertInstanceOf(ConfigResult.Invalid.class, result);
        List<String> errors = result.errors().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
        assertHas(errors, "showcase.yaml:7:26", "file not found: sounds/missing.wav");
        assertHas(errors, "showcase.yaml:8:14", "'name' room/left cannot be used");
        assertHas(errors, "showcase.yaml:9:7", "one of device, file or url, not 2");
        assertHas(errors, "showcase.yaml:10:", "gain");
        assertHas(errors, "showcase.yaml:11:7", "two audio inputs are named 'b'");
        assertHas(errors, "showcase.yaml:12:22", "'url' must be a stream's URL (rtp, rtsp");
        assertHas(errors, "showcase.yaml:13:22", "'url' must be a stream's URL");
        assertHas(errors, "showcase.yaml:14:7", "one of device, file or url, not 2");
    }

    private static void assertHas(List<String> errors, String place, String text) {
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(place) && e.contains(text)),
                "expected an error at " + place + " saying " + text + " in " + errors);
    }
}
