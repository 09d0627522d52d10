package org.liquide.config;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.*;

class QuantitiesTest {
    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(OptionalDouble.of(0.5), Quantities.parseSeconds("500ms"));
        assertEquals(OptionalDouble.of(3), Quantities.parseSeconds("3s"));
        assertEquals(OptionalDouble.of(2.5), Quantities.parseSeconds("2.5s"));
        assertEquals(OptionalDouble.of(600), Quantities.parseSeconds("10m"));
        assertEquals(OptionalDouble.of(600), Quantities.parseSeconds("10min"));
        assertEquals(OptionalDouble.of(90), Quantities.parseSeconds("1m30s"));
        assertEquals(OptionalDouble.of(5400), Quantities.parseSeconds("1h30m"));
        assertEquals(OptionalDouble.of(42), Quantities.parseSeconds("42"));
        assertTrue(Quantities.parseSeconds("soon").isEmpty());
        assertTrue(Quantities.parseSeconds("3 seconds").isEmpty());
        assertTrue(Quantities.parseSeconds("s").isEmpty());
    }

    @Test
    void sizesAndTheirErrorsAreLocated() {
        Problems problems = new Problems("f.yaml");
        var node = YamlDocument.parse("size: 1280x720\nbad: 12x\n", problems, "x").orElseThrow();
        var map = YamlMapping.of(node, "top", "a mapping", problems).orElseThrow();
        assertArrayEquals(new int[]{1280, 720}, Quantities.size(map.get("size").orElseThrow(), "size", 16, 4096, problems).orElseThrow());
        assertTrue(Quantities.size(map.get("bad").orElseThrow(), "bad", 16, 4096, problems).isEmpty());
        assertEquals("f.yaml:2:6: 'bad' must be a size such as 1280x720, not \"12x\"", problems.inFileOrder().getFirst().toString());
    }

    @Test
    void closestSuggestionsForTypos() {
        assertEquals("strength", Suggestions.closest("strenght", java.util.List.of("strength", "seed", "steps")).orElseThrow());
        assertTrue(Suggestions.closest("zzzzzz", java.util.List.of("strength", "seed")).isEmpty());
    }
}
