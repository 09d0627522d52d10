package org.liquide.showcase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.ConfigError;
import org.liquide.config.ConfigResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code osc.query}: on with OSC by default on a free port and announced; its settings read; its mistakes located. */
class OscQueryConfigTest {
    @TempDir
    Path dir;

    private ConfigResult<ShowcaseConfig> load(String osc) throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), "layers:\n  - {name: fond, type: generate}\n");
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, "showcase: essai\nscenes: scenes\nplaylist:\n  - {scene: atelier, duration: 1m}\n" + osc);
        return ShowcaseFiles.load(file);
    }

    private OscQueryConfig query(String osc) throws Exception {
        ConfigResult<ShowcaseConfig> result = load(osc);
        assertEquals(List.of(), result.errors());
        return ((ConfigResult.Valid<ShowcaseConfig>) result).value().osc().orElseThrow().query();
    }

    @Test
    void onWithOscOnAFreePortAndAnnounced() throws Exception {
        assertEquals(new OscQueryConfig(true, 0, true), query("osc: {port: 9000}\n"));
    }

    @Test
    void itsSettingsAreRead() throws Exception {
        assertEquals(new OscQueryConfig(true, 5678, false), query("osc: {port: 9000, query: {port: 5678, announce: false}}\n"));
        assertFalse(query("osc: {port: 9000, query: {enabled: false}}\n").enabled());
    }

    @Test
    void itsMistakesAreLocated() throws Exception {
        List<String> errors = load("osc: {port: 9000, query: {port: 70000, anounce: false}}\n").errors().stream()
                .map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("showcase.yaml:5:33") && e.contains("port")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("showcase.yaml:5:40") && e.contains("did you mean 'announce'")), errors.toString());
    }
}
