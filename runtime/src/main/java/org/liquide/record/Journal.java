package org.liquide.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The permanent record of the showcase: a folder with snapshots, versions of scenes and configuration
 * with their diffs, recordings, and {@code journal.jsonl}, one JSON entry per line, which the control
 * panel reads as a timeline. Writes happen on the callers' threads, never the render thread's.
 */
public final class Journal {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Path folder;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Failed writes since the last one that worked: a full or missing disk is logged once, not at every entry. */
    private final AtomicLong failureStreak = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();

    public Journal(Path folder, ZoneId zone) throws IOException {
        this.folder = folder;
        this.zone = zone;
        Files.createDirectories(folder);
    }

    /** The time zone in which its days are counted: the showcase's. */
    public ZoneId zone() {
        return zone;
    }

    public Path folder() {
        return folder;
    }

    /** Appends an entry to the index. */
    public synchronized void append(JournalEntry entry) {
        try {
            String line = json.writeValueAsString(entry) + "\n";
            Files.writeString(folder.resolve("journal.jsonl"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written();
        } catch (IOException e) {
            failed("an entry", e);
        }
    }

    /**
     * Reports a journal file that could not be written (by this class or by the writers of snapshots,
     * versions and recordings). The first failure of a streak is a warning; the next ones are counted
     * until a write works again, which is logged too.
     */
    public void failed(String what, Exception cause) {
        failedWrites.incrementAndGet();
        if (failureStreak.getAndIncrement() == 0) {
            LOG.warn("journal: {} not written ({}); the show goes on, further failures are counted until writing works again",
                    what, cause.getMessage());
        } else {
            LOG.debug("journal: {} not written", what, cause);
        }
    }

    /** Reports a journal file written: ends a streak of failures. */
    public void written() {
        long failures = failureStreak.getAndSet(0);
        if (failures > 0) {
            LOG.info("journal: writing again after {} failed writes", failures);
        }
    }

    /** Journal writes that failed since the start (a full disk, a folder made read-only). */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** Where a file of this kind taken at this instant goes: {@code <kind>/<day>/<HHmmss>-<name>.<ext>}. */
    public Path pathFor(String kind, Instant time, String name, String extension) throws IOException {
        var local = time.atZone(zone);
        Path dir = folder.resolve(kind).resolve(DAY.format(local));
        Files.createDirectories(dir);
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = dir.resolve(TIME.format(local) + "-" + safe + "." + extension);
        int n = 2;
        while (Files.exists(file)) {
            file = dir.resolve(TIME.format(local) + "-" + safe + "-" + n++ + "." + extension);
        }
        return file;
    }

    /** The path of a journal file relative to the journal folder, as the index stores it. */
    public String relative(Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** Entries matching a filter, oldest first. */
    public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        Path index = folder.resolve("journal.jsonl");
        List<JournalEntry> entries = new ArrayList<>();
        if (!Files.exists(index)) {
            return entries;
        }
        try (BufferedReader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JournalEntry entry = json.readValue(line, JournalEntry.class);
                    if (filter.test(entry)) {
                        entries.add(entry);
                    }
                } catch (IOException e) {
                    LOG.debug("journal: skipping an unreadable line", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Entries of one local day, oldest first. */
    public List<JournalEntry> day(java.time.LocalDate day) {
        return entries(entry -> entry.time().atZone(zone).toLocalDate().equals(day));
    }

    /** A file inside the journal by its relative path; empty outside the journal folder or when missing. */
    public java.util.Optional<Path> file(String relativePath) {
        return fileInside(folder, relativePath);
    }

    /**
     * A regular file under {@code folder} by its relative path, judged by its real path: a symbolic link
     * (or a linked folder on the way) that leads out of the folder is not inside it. Empty when missing.
     */
    public static java.util.Optional<Path> fileInside(Path folder, String relativePath) {
        try {
            Path root = folder.toRealPath();
            Path file = root.resolve(relativePath).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return java.util.Optional.empty();
            }
            Path real = file.toRealPath();
            return real.startsWith(root) ? java.util.Optional.of(real) : java.util.Optional.empty();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    /** A convenience for entries with fields. */
    public void append(String type, String file, Map<String, Object> fields) {
        append(new JournalEntry(Instant.now(), type, file, fields));
    }
}
