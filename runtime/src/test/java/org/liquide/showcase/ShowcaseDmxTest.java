package org.liquide.showcase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;
import org.liquide.dmx.DmxChannel;
import org.liquide.dmx.DmxConfig;
import org.liquide.dmx.DmxProtocol;
import org.liquide.dmx.DmxTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The dmx section of showcase.yaml, and scenes mapping to its channels as dmx.<name>. */
class ShowcaseDmxTest {
    @TempDir
    Path dir;

    private static final String HEAD = "showcase: essai\nscenes: scenes\nplaylist:\n  - {scene: atelier, duration: 1m}\n";

    private Path write(String showcase, String scene) throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), scene);
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, showcase);
        return file;
    }

    private List<String> errors(ShowcaseValidation validation) {
        return validation.errors().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
    }

    private static void assertHas(List<String> errors, String expected) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), "expected an error like '" + expected + "' in " + errors);
    }

    private static final String SCENE = """
            generator: {model: procedural, size: 160x90}
            layers:
              - {name: fond, type: generate}
            mappings:
              - {signal: entree/presence, target: dmx.house}
            """;

    @Test
    void targetsAndChannelsAreReadWithTheirDefaults() throws Exception {
        ShowcaseValidation validation = ShowcaseValidation.of(write(HEAD + """
                dmx:
                  targets:
                    - {protocol: art-net, host: 10.0.0.20}
                    - {protocol: sacn, host: 10.0.0.21, universe: 3, port: 5569}
                  channels:
                    house: {channel: 1, universe: 0, safe: 1}
                    pan: {channel: 20, universe: 3, fine: true, initial: 0.5}
                """, SCENE));
        assertTrue(validation.valid(), () -> validation.errors().toString());
        DmxConfig dmx = ((ConfigResult.Valid<ShowcaseConfig>) validation.showcase()).value().dmx();
        assertEquals(44, dmx.rate(), "DMX512's refresh rate by default");
        assertEquals(List.of(new DmxTarget(DmxProtocol.ART_NET, "10.0.0.20", 6454, 0),
                new DmxTarget(DmxProtocol.SACN, "10.0.0.21", 5569, 3)), dmx.targets());
        assertEquals(List.of(new DmxChannel("house", 0, 1, false, 0, 1), new DmxChannel("pan", 3, 20, true, 0.5, 0)), dmx.channels());
    }

    @Test
    void aChannelWrittenAsItsSlotIsInTheOnlyUniverse() throws Exception {
        ShowcaseValidation validation = ShowcaseValidation.of(write(HEAD + """
                dmx:
                  rate: 30
                  targets: [{protocol: sacn, host: 10.0.0.21}]
                  channels: {house: 12}
                """, SCENE));
        assertTrue(validation.valid(), () -> validation.errors().toString());
        DmxConfig dmx = ((ConfigResult.Valid<ShowcaseConfig>) validation.showcase()).value().dmx();
        assertEquals(30, dmx.rate());
        assertEquals(List.of(new DmxChannel("house", 1, 12, false, 0, 0)), dmx.channels(), "sACN's first universe is 1");
    }

    @Test
    void mistakesAreLocated() throws Exception {
        List<String> errors = errors(ShowcaseValidation.of(write(HEAD + """
                dmx:
                  rate: 100
                  targets:
                    - {protocol: artnet, host: 10.0.0.20}
                    - {protocol: art-net, host: 10.0.0.20, universe: 40000}
                    - {protocol: art-net, host: 10.0.0.22, universe: 1}
                    - {protocol: sacn, host: 10.0.0.21, universe: 2}
                  channels:
                    house: {channel: 1, universe: 1}
                    wash: {channel: 1, universe: 1}
                    pan: {channel: 512, universe: 2, fine: true}
                    spot: {channel: 5}
                    Bad Name: 3
                    far: {channel: 4, universe: 9}
                """, SCENE)));
        assertHas(errors, "showcase.yaml:6:9: 'rate' must be 1 to 44");
        assertHas(errors, "showcase.yaml:8:18: 'protocol' must be");
        assertHas(errors, "showcase.yaml:9:54: 'universe' must be 0 to 32767 for art-net");
        assertHas(errors, "showcase.yaml:14:11: channel 'wash' uses slot 1 of universe 1, which channel 'house' uses already");
        assertHas(errors, "showcase.yaml:15:10: channel 'pan' is fine (16 bits on two slots) and cannot start at slot 512");
        assertHas(errors, "showcase.yaml:16:11: channel 'spot' must say its 'universe'");
        assertHas(errors, "showcase.yaml:17:5: a DMX channel's name must be lower-case");
        assertHas(errors, "showcase.yaml:18:10: channel 'far' is in universe 9, which no target receives");
    }

    @Test
    void aSceneMappingToAChannelTheShowcaseLacksIsRefusedWithTheChannelsItHas() throws Exception {
        List<String> errors = errors(ShowcaseValidation.of(write(HEAD + """
                dmx:
                  targets: [{protocol: art-net, host: 10.0.0.20}]
                  channels: {houselights: 1, wash: 2}
                """, SCENE)));
        assertHas(errors, "scenes/atelier/scene.yaml:5:39: unknown target 'dmx.house'");
        assertHas(errors, "layer.<shader layer>.input.<name>, dmx.houselights, dmx.wash; did you mean");
    }
}
