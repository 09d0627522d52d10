package org.liquide.generate.hub;

import java.util.List;

/** Hears how a pull goes; called from the download threads, so implementations must be thread-safe. */
public interface PullProgress {
    PullProgress NONE = new PullProgress() {
    };

    /** These files will be fetched (those already in the cache are not listed), this many bytes in all. */
    default void begin(List<RepoFile> files, long totalBytes) {
    }

    /** A file's download starts (or resumes after {@code alreadyHave} bytes). */
    default void started(RepoFile file, long alreadyHave) {
    }

    /** Some bytes of a file arrived. */
    default void advanced(RepoFile file, long bytes) {
    }

    /** A file is verified and in the cache, or failed. */
    default void finished(RepoFile file, boolean ok) {
    }
}
