package org.liquide.generate.hub;

import java.util.Optional;

/**
 * One file of a repository at a commit, as the revision listing describes it.
 *
 * @param name   its path in the repository
 * @param size   its size in bytes
 * @param blobId the git blob id (sha1 of {@code "blob <size>\0"} and the content) of the file in git; for a large
 *               file stored with LFS, that of its pointer
 * @param sha256 for a large file stored with LFS: the sha256 of its content
 */
public record RepoFile(String name, long size, String blobId, Optional<String> sha256) {
    /** The name of its blob in the cache: the sha256 of a large file, the git blob id of a small one (as the Hub's ETag). */
    public String cacheId() {
        return sha256.orElse(blobId);
    }

    public boolean large() {
        return sha256.isPresent();
    }
}
