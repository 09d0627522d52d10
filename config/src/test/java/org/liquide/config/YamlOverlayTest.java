package org.liquide.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** A file that includes another says only what differs; each node keeps the file it was written in. */
class YamlOverlayTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static YamlMapping mapping(Node node, Problems problems) {
        return YamlMapping.of(node, "test", "a mapping", problems).orElseThrow();
    }

    @Test
    void mappingsMergeKeyByKeyAndEverythingElseIsReplacedWhole() throws Exception {
        file("base.yaml", "a: 1\nnested: {keep: 2, change: 3, deeper: {x: 4, y: 5}}\nlist: [1, 2, 3]\nlast: 6\n");
        Path room = file("room.yaml", "include: base.yaml\nnested: {change: 30, deeper: {y: 50}, added: 7}\nlist: [9]\nnew: 8\n");
        Problems problems = new Problems(room.toString());
        Node merged = YamlOverlay.read(room, problems, "settings").orElseThrow();
        assertFalse(problems.any(), () -> problems.inFileOrder().toString());

        YamlMapping top = mapping(merged, problems);
        YamlMapping nested = mapping(top.get("nested").orElseThrow(), problems);
        assertEquals("2", ((ScalarNode) nested.get("keep").orElseThrow()).getValue());
        assertEquals("30", ((ScalarNode) nested.get("change").orElseThrow()).getValue());
        assertEquals("7", ((ScalarNode) nested.get("added").orElseThrow()).getValue());
        YamlMapping deeper = mapping(nested.get("deeper").orElseThrow(), problems);
        assertEquals("4", ((ScalarNode) deeper.get("x").orElseThrow()).getValue());
        assertEquals("50", ((ScalarNode) deeper.get("y").orElseThrow()).getValue());
        assertEquals(1, ((SequenceNode) top.get("list").orElseThrow()).getValue().size(), "a list is replaced, not appended to");
        assertEquals(List.of("a", "nested", "list", "last", "new"), ((MappingNode) merged).getValue().stream()
                .map(t -> ((ScalarNode) t.getKeyNode()).getValue()).toList(), "the base's order, new keys last, no include");

        Node last = top.get("last").orElseThrow();
        problems.at(last, "from the base");
        problems.at(top.get("new").orElseThrow(), "from the room");
        assertEquals(List.of(new ConfigError(room.toString(), 4, 6, "from the room"),
                new ConfigError(dir.resolve("base.yaml").toString(), 4, 7, "from the base")), problems.inFileOrder());
    }

    @Test
    void aDuplicateKeyOfTheIncludedFileIsStillReportedThere() throws Exception {
        file("base.yaml", "a: 1\na: 2\n");
        Path room = file("room.yaml", "include: base.yaml\nb: 3\n");
        Problems problems = new Problems(room.toString());
        mapping(YamlOverlay.read(room, problems, "settings").orElseThrow(), problems);
        assertEquals(List.of(dir.resolve("base.yaml") + ":2:1"), problems.inFileOrder().stream()
                .map(e -> e.file() + ":" + e.line() + ":" + e.column()).toList(), problems.inFileOrder()::toString);
    }

    @Test
    void oneLevelBesideItAndNothingElse() throws Exception {
        file("base.yaml", "include: other.yaml\na: 1\n");
        file("other.yaml", "b: 2\n");
        assertError(file("room.yaml", "include: base.yaml\n"), "base.yaml:1:10: the included file includes another: one level only");
        assertError(file("self.yaml", "include: self.yaml\n"), "self.yaml:1:10: include: a file cannot include itself");
        assertError(file("away.yaml", "include: ../base.yaml\n"), "away.yaml:1:10: include: expected the name of a file beside this one");
        assertError(file("lost.yaml", "include: missing.yaml\n"), "lost.yaml:1:10: include: missing.yaml not found");
        assertError(file("list.yaml", "include: plain.yaml\n"), "list.yaml:1:10: include: plain.yaml not found");
        file("plain.yaml", "- 1\n- 2\n");
        assertError(dir.resolve("list.yaml"), "list.yaml:1:10: include: plain.yaml must hold a mapping");
        file("broken.yaml", "a: [1, 2\n");
        assertError(file("room2.yaml", "include: broken.yaml\n"), "broken.yaml:2:1: not valid YAML");
    }

    private void assertError(Path file, String expected) {
        Problems problems = new Problems(file.toString());
        Optional<Node> node = YamlOverlay.read(file, problems, "settings");
        assertTrue(node.isEmpty(), "refused");
        List<String> errors = problems.inFileOrder().stream().map(ConfigError::toString).map(e -> e.replace(dir + "/", "")).toList();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(expected)), () -> "expected '" + expected + "' in " + errors);
    }
}
