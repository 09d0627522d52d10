package org.liquide.record;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.CapturedLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A journal that cannot write (a full disk, a folder gone) warns once, keeps counting, and says when it writes again. */
class JournalTest {
    @TempDir
    Path dir;

    private CapturedLog log;

    @BeforeEach
    void listen() {
        log = CapturedLog.of(Journal.class);
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    private static JournalEntry scene(String name) {
        return new JournalEntry(Instant.parse("2027-01-15T14:00:00Z"), "scene", "", Map.of("scene", name));
    }

    @Test
    void aStreakOfFailedWritesIsOneWarningThenOneLineWhenItWorksAgain() throws Exception {
        Journal journal = new Journal(dir, ZoneId.of("Europe/Paris"));
        journal.append(scene("attente"));
        Path index = dir.resolve("journal.jsonl");
        Files.move(index, dir.resolve("saved.jsonl"));
        Files.createDirectory(index); // the index cannot be appended to: every write fails

        for (int i = 0; i < 5; i++) {
            journal.append(scene("biais"));
        }
        journal.failed("a snapshot", new java.io.IOException("No space left on device"));

        assertEquals(6, journal.failedWrites());
        List<String> warnings = log.messages(Level.WARN);
        assertEquals(1, warnings.size(), "one warning for the whole streak: " + warnings);
        assertTrue(warnings.getFirst().startsWith("journal: an entry not written"), warnings.getFirst());

        Files.delete(index);
        Files.move(dir.resolve("saved.jsonl"), index);
        journal.append(scene("hybridation"));

        assertEquals(List.of("journal: writing again after 6 failed writes"), log.messages(Level.INFO));
        assertEquals(List.of("attente", "hybridation"),
                journal.entries(e -> true).stream().map(e -> e.fields().get("scene")).toList(),
                "what was written before the failures is kept, and writing goes on after them");

        Files.delete(index);
        Files.createDirectory(index);
        journal.append(scene("attente"));
        assertEquals(2, log.messages(Level.WARN).size(), "a new streak warns again");
    }
}
