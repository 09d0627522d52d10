package org.liquide.generate.hub;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model named by its Hugging Face repository: {@code hf:org/name@revision[/path/in/repo]}. The revision is
 * best a commit (40 hex digits), which names one set of files for ever; a branch or tag is resolved through
 * the cache's {@code refs/} as the last pull left it. Without {@code @revision}, {@code main}.
 *
 * @param repo     {@code org/name}
 * @param revision a commit, branch or tag
 * @param file     a file or folder inside the repository ("" for the whole snapshot)
 */
public record HubModelName(String repo, String revision, String file) {
    public static final String PREFIX = "hf:";
    public static final String DEFAULT_REVISION = "main";
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern NAME = Pattern.compile("hf:(" + REPO.pattern() + ")(?:@([A-Za-z0-9._-]+))?(?:/(.+))?");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public HubModelName {
        if (!REPO.matcher(repo).matches()) {
            throw new IllegalArgumentException("not a Hugging Face repository id (org/name): " + repo);
        }
        if (revision.isBlank() || revision.contains("/") || revision.contains("..")) {
            throw new IllegalArgumentException("not a revision: '" + revision + "'");
        }
        if (file.startsWith("/") || file.contains("..")) {
            throw new IllegalArgumentException("not a path inside a repository: '" + file + "'");
        }
    }

    /** Whether a model source is meant as a Hub name (starts with {@code hf:}), well formed or not. */
    public static boolean isHubName(String source) {
        return source.startsWith(PREFIX);
    }

    /**
     * The Hub name a model source holds; empty for anything that does not start with {@code hf:}.
     *
     * @throws IllegalArgumentException when it starts with {@code hf:} but is not of the form above
     */
    public static Optional<HubModelName> parse(String source) {
        if (!isHubName(source)) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(source);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + source + "' is not a Hugging Face model name: expected"
                    + " hf:org/name@commit (optionally followed by /path/in/repo)");
        }
        return Optional.of(new HubModelName(m.group(1), m.group(2) == null ? DEFAULT_REVISION : m.group(2),
                m.group(3) == null ? "" : m.group(3)));
    }

    public static boolean isCommit(String revision) {
        return COMMIT.matcher(revision).matches();
    }

    /** Whether the revision names one commit for ever (a branch can move between two pulls). */
    public boolean pinned() {
        return isCommit(revision);
    }

    /** The command that brings this model into the cache, for messages about a model that is not there. */
    public String pullCommand() {
        return "liquide models pull " + repo + " --revision " + revision;
    }

    @Override
    public String toString() {
        return PREFIX + repo + "@" + revision + (file.isEmpty() ? "" : "/" + file);
    }
}
