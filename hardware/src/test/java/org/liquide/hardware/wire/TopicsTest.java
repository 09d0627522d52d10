package org.liquide.hardware.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {
    @Test
    void readingTopicsAreBuiltAndParsedBack() {
        assertEquals("liquide/sensors/entree/distance", Topics.reading("entree", "distance"));
        assertEquals("liquide/sensors/couloir/pad/a0", Topics.reading("couloir", "pad", "a0"));

        assertEquals(Optional.of(new ReadingTopic("entree", "distance", Optional.empty())),
                Topics.parseReading("liquide/sensors/entree/distance"));
        assertEquals(Optional.of(new ReadingTopic("couloir", "pad", Optional.of("a0"))),
                Topics.parseReading("liquide/sensors/couloir/pad/a0"));
    }

    @Test
    void statusTopicIsBuiltAndParsedBack() {
        assertEquals("liquide/nodes/table/status", Topics.status("table"));
        assertEquals(Optional.of("table"), Topics.parseStatus("liquide/nodes/table/status"));
        assertEquals(Optional.empty(), Topics.parseStatus("liquide/nodes/Table/status"));
        assertEquals(Optional.empty(), Topics.parseStatus("liquide/nodes/a/b/status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Entree", "", "entrée", "a b", "a+b", "a#", "a/b", "-lead", "_lead",
            "abcdefghijklmnopqrstuvwxyz0123456789"})
    void badNamesAreRejected(String name) {
        assertFalse(Names.isValid(name));
        assertThrows(IllegalArgumentException.class, () -> Topics.reading(name, "distance"));
        assertThrows(IllegalArgumentException.class, () -> Topics.reading("entree", name));
        assertThrows(IllegalArgumentException.class, () -> Topics.status(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"liquide/sensors/entree", "liquide/sensors/entree/distance/a0/x",
            "liquide/sensors/entree//a0", "liquide/sensors/Entree/distance", "liquide/sensors/+/distance",
            "liquide/sensors/#", "other/sensors/entree/distance", "liquide/sensors/entree/distance/",
            "liquide/nodes/entree/status", ""})
    void nonReadingTopicsDoNotParse(String topic) {
        assertEquals(Optional.empty(), Topics.parseReading(topic));
    }

    @Test
    void namesFollowTheDocumentedRule() {
        assertTrue(Names.isValid("a"));
        assertTrue(Names.isValid("entree-2_b"));
        assertTrue(Names.isValid("0"));
        assertTrue(Names.isValid("a".repeat(32)));
        assertFalse(Names.isValid("a".repeat(33)));
    }

    @Test
    void statusPayloadsParse() {
        assertEquals(Optional.of(NodeStatus.ONLINE), NodeStatus.parse("online".getBytes()));
        assertEquals(Optional.of(NodeStatus.OFFLINE), NodeStatus.parse("offline".getBytes()));
        assertEquals(Optional.empty(), NodeStatus.parse("ONLINE".getBytes()));
        assertEquals(Optional.empty(), NodeStatus.parse(null));
    }
}
