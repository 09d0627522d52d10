package org.liquide.record;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import org.liquide.config.TextFile;
import org.liquide.config.UnreadableTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps every version of the showcase's text files (configuration, scene files, shaders, sketches) in
 * the journal: the first version seen, then each change with a unified diff against the one before.
 * It looks at modification times every few seconds on its own thread.
 */
public final class ConfigHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigHistory.class);
    private static final Set<String> KINDS = Set.of(".yaml", ".yml", ".fs", ".vs", ".frag", ".glsl", ".java", ".md");

    private final Journal journal;
    private final List<Path> roots;
    private final Path base;
    private final Map<Path, FileTime> seen = new HashMap<>();
    private final Map<Path, String> last = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param base paths are recorded relative to this folder (the project root) */
    public ConfigHistory(Journal journal, List<Path> roots, Path base) {
        this.journal = journal;
        this.roots = List.copyOf(roots);
        this.base = base.toAbsolutePath().normalize();
        this.thread = Thread.ofPlatform().name("liquide-journal-versions").daemon().unstarted(() -> {
            while (running) {
                scan();
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public ConfigHistory start() {
        thread.start();
        return this;
    }

    /** Records new and changed files now. */
    public synchronized void scan() {
        for (Path root : roots) {
            try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
                files.filter(Files::isRegularFile).filter(ConfigHistory::tracked).forEach(this::check);
            } catch (IOException e) {
                LOG.debug("journal: cannot scan {}", root, e);
            }
        }
    }

    private static boolean tracked(Path file) {
        String name = file.getFileName().toString();
        return KINDS.stream().anyMatch(name::endsWith);
    }

    private void check(Path file) {
        Path key = file.toAbsolutePath().normalize();
        String text;
        String before;
        try {
            FileTime modified = Files.getLastModifiedTime(key);
            if (modified.equals(seen.get(key))) {
                return;
            }
            seen.put(key, modified);
            text = TextFile.read(key);
            before = last.put(key, text);
        } catch (UnreadableTextException e) {
            LOG.debug("journal: no version of {}: {}", key, e.getMessage());
            return;
        } catch (IOException e) {
            LOG.debug("journal: cannot read {}", key, e);
            return;
        }
        if (text.equals(before)) {
            return;
        }
        try {
            record(key, before, text);
        } catch (IOException | java.io.UncheckedIOException e) {
            journal.failed("a version of " + key.getFileName(), e);
        }
    }

    private void record(Path file, String before, String text) throws IOException {
        String relative = (file.startsWith(base) ? base.relativize(file) : file.getFileName()).toString().replace('\\', '/');
        Instant now = Instant.now();
        String name = relative.replace('/', '_');
        Path copy = journal.pathFor("versions", now, name, "txt");
        Files.writeString(copy, text, StandardCharsets.UTF_8);
        Map<String, Object> fields = new HashMap<>(Map.of("path", relative));
        if (before != null) {
            List<String> old = before.lines().toList();
            List<String> next = text.lines().toList();
            Patch<String> patch = DiffUtils.diff(old, next);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + relative, "b/" + relative, old, patch, 3);
            Path diff = journal.pathFor("versions", now, name, "diff");
            Files.write(diff, unified, StandardCharsets.UTF_8);
            fields.put("diff", journal.relative(diff));
            fields.put("changedLines", patch.getDeltas().size());
        }
        journal.append(new JournalEntry(now, before == null ? "version" : "change", journal.relative(copy), fields));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
