package org.liquide.generate.hub;

import java.util.List;

/** A repository at one commit: what {@code /api/models/{repo}/revision/{revision}} answers. */
public record RepoListing(String repo, String commit, List<RepoFile> files) {
    public RepoListing {
        files = List.copyOf(files);
    }
}
