package org.liquide.generate.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The Hugging Face Hub's cache folder, laid out as its own clients lay it out:
 * <pre>
 * models--org--name/
 *   blobs/&lt;sha256 or git blob id&gt;             the files' contents, one per content
 *   snapshots/&lt;commit&gt;/&lt;path in repo&gt;          relative symbolic links to the blobs
 *   refs/&lt;branch or tag&gt;                       the commit that revision named at the last download
 * </pre>
 * A file whose download is under way is {@code blobs/<id>.incomplete}.
 */
public record HubCache(Path root) {
    /** A Java system property that overrides the environment (for a test, or a launcher that cannot set variables). */
    public static final String PROPERTY = "liquide.hf.hub.cache";
    private static final String INCOMPLETE = ".incomplete";

    /** The cache the environment names, where the Hub's clients look for it. */
    public static HubCache locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new HubCache(Path.of(property));
        }
        return locate(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * {@code $HF_HUB_CACHE}, else {@code $HUGGINGFACE_HUB_CACHE} (its older name), else {@code $HF_HOME/hub},
     * else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}.
     */
    public static HubCache locate(Map<String, String> env, Path home) {
        for (String name : new String[]{"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new HubCache(expand(value, home));
            }
        }
        return new HubCache(hfHome(env, home).resolve("hub"));
    }

    /** {@code $HF_HOME}, else {@code $XDG_CACHE_HOME/huggingface}, else {@code ~/.cache/huggingface}: where the token lives too. */
    static Path hfHome(Map<String, String> env, Path home) {
        String hfHome = env.get("HF_HOME");
        if (hfHome != null && !hfHome.isBlank()) {
            return expand(hfHome, home);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? expand(xdg, home) : home.resolve(".cache")).resolve("huggingface");
    }

    private static Path expand(String value, Path home) {
        return value.equals("~") ? home : value.startsWith("~/") ? home.resolve(value.substring(2)) : Path.of(value);
    }

    /** {@code models--org--name}. */
    public Path repoFolder(String repo) {
        return root.resolve("models--" + repo.replace("/", "--"));
    }

    public Path blob(String repo, String id) {
        return repoFolder(repo).resolve("blobs").resolve(id);
    }

    public Path incomplete(String repo, String id) {
        return repoFolder(repo).resolve("blobs").resolve(id + INCOMPLETE);
    }

    public Path snapshot(String repo, String commit) {
        return repoFolder(repo).resolve("snapshots").resolve(commit);
    }

    /** The commit a revision names here: itself when it is a commit with a snapshot, else what {@code refs/} says. */
    public Optional<String> commitOf(String repo, String revision) {
        if (HubModelName.isCommit(revision)) {
            return Files.isDirectory(snapshot(repo, revision)) ? Optional.of(revision) : Optional.empty();
        }
        Path ref = repoFolder(repo).resolve("refs").resolve(revision);
        try {
            String commit = Files.readString(ref, StandardCharsets.US_ASCII).strip();
            return HubModelName.isCommit(commit) && Files.isDirectory(snapshot(repo, commit)) ? Optional.of(commit) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file or folder a Hub name points to in this cache, if that revision was pulled. Reads only the disk. */
    public Optional<Path> resolve(HubModelName name) {
        return commitOf(name.repo(), name.revision()).map(commit -> {
            Path snapshot = snapshot(name.repo(), commit);
            return name.file().isEmpty() ? snapshot : snapshot.resolve(name.file());
        }).filter(Files::exists);
    }

    /**
     * Why a model source that starts with {@code hf:} cannot be used here: not a well-formed name, or not in
     * this cache (the show never downloads; the message says how to pull it). Empty when it can.
     */
    public Optional<String> problem(String source) {
        try {
            HubModelName name = HubModelName.parse(source).orElseThrow(() -> new IllegalArgumentException(source + " does not start with hf:"));
            return resolve(name).isPresent() ? Optional.empty() : Optional.of("model " + source
                    + " is not in the Hugging Face cache (" + root + "); pull it with: " + name.pullCommand());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Records that a branch or tag named this commit (nothing to record for a commit). */
    public void writeRef(String repo, String revision, String commit) throws IOException {
        if (revision.equals(commit)) {
            return;
        }
        Path ref = repoFolder(repo).resolve("refs").resolve(revision);
        Files.createDirectories(ref.getParent());
        Files.writeString(ref, commit, StandardCharsets.US_ASCII);
    }

    /**
     * Makes {@code snapshots/<commit>/<file>} point at its blob, by a relative link as the Hub's clients make
     * (a copy where the file system has no links).
     */
    public Path link(String repo, String commit, String file, String id) throws IOException {
        Path target = snapshot(repo, commit).resolve(file);
        Path blob = blob(repo, id);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        try {
            Files.createSymbolicLink(target, target.getParent().relativize(blob));
        } catch (UnsupportedOperationException | IOException noLinks) {
            Files.copy(blob, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * The Hub name of a path inside some Hub cache ({@code …/models--org--name/snapshots/<commit>/…}), so that
     * a folder pulled by another tool and named by its path still tells where it came from.
     */
    public static Optional<HubModelName> identify(Path path) {
        Path p = path.toAbsolutePath().normalize();
        for (int i = 0; i + 2 < p.getNameCount(); i++) {
            String folder = p.getName(i).toString();
            if (folder.startsWith("models--") && p.getName(i + 1).toString().equals("snapshots")
                    && HubModelName.isCommit(p.getName(i + 2).toString())) {
                String[] parts = folder.substring("models--".length()).split("--", 2);
                if (parts.length != 2) {
                    return Optional.empty();
                }
                String file = i + 3 < p.getNameCount() ? p.subpath(i + 3, p.getNameCount()).toString().replace('\\', '/') : "";
                try {
                    return Optional.of(new HubModelName(parts[0] + "/" + parts[1], p.getName(i + 2).toString(), file));
                } catch (IllegalArgumentException notAName) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
