package org.liquide.generate.provenance;

import org.liquide.generate.ModelSpec;
import org.liquide.generate.hub.FileDigests;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubModelName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a model's provenance from its files. A file of a Hub cache is a link to a blob named by its sha256 (large
 * files), which costs nothing to read; any other file is hashed once and remembered by path, size and modification
 * time, so that the journal can note the models of every scene shown without hashing gigabytes each time.
 * Never called on the render thread.
 */
public final class Provenances {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Licence NO_WEIGHTS = new Licence("none", Optional.of("built in, no third-party weights"));

    private record Stamp(Path file, long size, long modified) {
    }

    private final Map<Stamp, String> hashed = new ConcurrentHashMap<>();

    /** The provenance of a spec's model; for a model that is not there, its name and an unknown licence. */
    public ModelProvenance of(ModelSpec spec) {
        if (spec.isBuiltin()) {
            return new ModelProvenance(spec.source(), Optional.empty(), NO_WEIGHTS, List.of());
        }
        Path path = spec.path();
        Optional<HubModelName> hub = hub(spec, path);
        if (!Files.exists(path)) {
            return new ModelProvenance(spec.source(), hub, Licence.UNKNOWN, List.of());
        }
        try {
            return new ModelProvenance(spec.source(), hub, ModelCard.licence(cardFolder(path, hub)), files(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Only the licence of a spec's model, from its model card: reads one small file. */
    public static Licence licence(ModelSpec spec) {
        if (spec.isBuiltin()) {
            return NO_WEIGHTS;
        }
        Path path = spec.path();
        return Files.exists(path) ? ModelCard.licence(cardFolder(path, hub(spec, path))) : Licence.UNKNOWN;
    }

    /** The repository and commit of a model named hf: (its branch resolved to the commit), or found in a Hub cache by path. */
    private static Optional<HubModelName> hub(ModelSpec spec, Path path) {
        return spec.hubName().flatMap(name -> HubCache.locate().commitOf(name.repo(), name.revision())
                .map(commit -> new HubModelName(name.repo(), commit, name.file()))).or(() -> HubCache.identify(path));
    }

    /** Where the model card is: the snapshot's root for a Hub model, else the model's folder (or the file's). */
    private static Path cardFolder(Path path, Optional<HubModelName> hub) {
        return hub.map(h -> snapshotRoot(path, h)).orElse(Files.isDirectory(path) ? path : path.toAbsolutePath().getParent());
    }

    /** The snapshot folder a path of a Hub cache lies in (where the model card is). */
    private static Path snapshotRoot(Path path, HubModelName hub) {
        Path p = path.toAbsolutePath().normalize();
        int depth = hub.file().isEmpty() ? 0 : Path.of(hub.file()).getNameCount();
        return depth == 0 ? p : p.getRoot().resolve(p.subpath(0, p.getNameCount() - depth));
    }

    private List<ModelFile> files(Path path) throws IOException {
        List<Path> paths;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                paths = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
            }
        } else {
            paths = List.of(path);
        }
        List<ModelFile> files = new ArrayList<>();
        Path base = Files.isDirectory(path) ? path : path.getParent();
        for (Path file : paths) {
            files.add(new ModelFile(base.relativize(file).toString().replace('\\', '/'), Files.size(file), sha256(file)));
        }
        return files;
    }

    private String sha256(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            String blob = Files.readSymbolicLink(file).getFileName().toString();
            if (SHA256.matcher(blob).matches()) {
                return blob;
            }
        }
        Stamp stamp = new Stamp(file.toRealPath(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        String known = hashed.get(stamp);
        if (known != null) {
            return known;
        }
        String sha = FileDigests.sha256(file);
        hashed.put(stamp, sha);
        return sha;
    }
}
