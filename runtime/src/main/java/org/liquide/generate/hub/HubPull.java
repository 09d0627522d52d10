package org.liquide.generate.hub;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches a repository's files at one revision into the Hub cache, several at a time: the one download of the
 * project, run by a person. Each file goes to {@code blobs/<id>.incomplete}, continues where it was cut (here
 * after a dropped connection, or at the next pull), is verified against the listing's sha256 (large files) or
 * git blob id (small files), and only then becomes its blob and gets its snapshot link. A file whose content does
 * not match is deleted and the pull fails naming it. A file already in the cache is not fetched again.
 */
public final class HubPull {
    /** The model card: always pulled, whatever {@code --include} says, because it holds the licence. */
    public static final String MODEL_CARD = "README.md";
    private static final int ATTEMPTS = 5;
    private static final long FIRST_RETRY_MILLIS = 500;

    private final HubClient client;
    private final HubCache cache;
    private final int parallel;
    private final PullProgress progress;

    /** What a pull left in the cache. */
    public record Result(RepoListing listing, Path snapshot, List<RepoFile> files, List<RepoFile> fetched) {
        public long bytes() {
            return files.stream().mapToLong(RepoFile::size).sum();
        }
    }

    public HubPull(HubClient client, HubCache cache, int parallel, PullProgress progress) {
        if (parallel < 1) {
            throw new IllegalArgumentException("at least one download at a time, got " + parallel);
        }
        this.client = client;
        this.cache = cache;
        this.parallel = parallel;
        this.progress = progress;
    }

    /**
     * Pulls the files of {@code repo} at {@code revision} that the patterns select.
     *
     * @throws HubException for a refusal (access, not found), a file that does not match its checksum (the first
     *                      failure, with the others as suppressed exceptions), or an unusable answer
     */
    public Result pull(String repo, String revision, FilePatterns include) throws IOException {
        RepoListing listing = client.listing(repo, revision);
        List<RepoFile> selected = listing.files().stream()
                .filter(f -> include.matches(f.name()) || f.name().equals(MODEL_CARD)).toList();
        if (selected.isEmpty()) {
            throw new HubException(HubException.Kind.NOT_FOUND, repo + "@" + revision + ": no file matches " + include.globs());
        }
        List<RepoFile> missing = selected.stream().filter(f -> !Files.exists(cache.blob(repo, f.cacheId()))).toList();
        progress.begin(missing, missing.stream().mapToLong(RepoFile::size).sum());
        List<IOException> failures = new ArrayList<>();
        AtomicInteger thread = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, missing.size())),
                task -> new Thread(task, "liquide-pull-" + thread.incrementAndGet()))) {
            List<Future<?>> downloads = new ArrayList<>();
            for (RepoFile file : missing) {
                downloads.add(pool.submit(() -> {
                    fetch(listing, file);
                    return null;
                }));
            }
            for (Future<?> download : downloads) {
                try {
                    download.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new java.io.InterruptedIOException("pull interrupted");
                }
            }
        }
        if (!failures.isEmpty()) {
            IOException first = failures.stream().filter(f -> f instanceof HubException h && h.kind() == HubException.Kind.CHECKSUM)
                    .findFirst().orElse(failures.getFirst());
            failures.stream().filter(f -> f != first).forEach(first::addSuppressed);
            throw first;
        }
        for (RepoFile file : selected) {
            cache.link(repo, listing.commit(), file.name(), file.cacheId());
        }
        cache.writeRef(repo, revision, listing.commit());
        return new Result(listing, cache.snapshot(repo, listing.commit()), selected, missing);
    }

    private void fetch(RepoListing listing, RepoFile file) throws IOException {
        String repo = listing.repo();
        FileMetadata meta = client.metadata(repo, listing.commit(), file.name());
        if (!meta.etag().equalsIgnoreCase(file.cacheId())) {
            throw new HubException(HubException.Kind.SERVER, file.name() + ": the listing names it " + file.cacheId()
                    + " but resolve/ answers " + meta.etag() + " (the revision changed during the pull?)");
        }
        if (meta.size() >= 0 && meta.size() != file.size()) {
            throw new HubException(HubException.Kind.SERVER, file.name() + ": the listing says " + file.size()
                    + " bytes but resolve/ says " + meta.size());
        }
        Path part = cache.incomplete(repo, file.cacheId());
        Files.createDirectories(part.getParent());
        download(meta, part, file);
        if (!FileDigests.matches(part, file)) {
            Files.deleteIfExists(part);
            progress.finished(file, false);
            throw new HubException(HubException.Kind.CHECKSUM, file.name() + ": the downloaded content does not match its "
                    + (file.large() ? "sha256 " : "git blob id ") + file.cacheId() + "; the partial file was deleted");
        }
        Path blob = cache.blob(repo, file.cacheId());
        try {
            Files.move(part, blob, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, blob, StandardCopyOption.REPLACE_EXISTING);
        }
        progress.finished(file, true);
    }

    /** Downloads, continuing from what the part holds after each cut, a few times with doubling pauses. */
    private void download(FileMetadata meta, Path part, RepoFile file) throws IOException {
        long pause = FIRST_RETRY_MILLIS;
        for (int attempt = 1; ; attempt++) {
            progress.started(file, Files.exists(part) ? Files.size(part) : 0);
            try {
                client.download(meta.location(), part, file.size(), bytes -> progress.advanced(file, bytes));
                return;
            } catch (HubException e) {
                if (!e.transientFailure() || attempt == ATTEMPTS) {
                    progress.finished(file, false);
                    throw e;
                }
            } catch (IOException cut) {
                if (attempt == ATTEMPTS) {
                    progress.finished(file, false);
                    throw new IOException(file.name() + ": download failed " + ATTEMPTS + " times, last: " + cut.getMessage()
                            + " (run the pull again to continue where it stopped)", cut);
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("pull interrupted");
            }
            pause *= 2;
        }
    }
}
