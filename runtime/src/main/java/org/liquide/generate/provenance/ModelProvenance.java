package org.liquide.generate.provenance;

import org.liquide.generate.hub.HubModelName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a model in use comes from.
 *
 * @param source  as the configuration names it ({@code builtin}, a path, {@code hf:…})
 * @param hub     the repository and commit, when the files are in a Hub cache (named so, or found there by path)
 * @param licence what its model card declares
 * @param files   every file, with size and sha256
 */
public record ModelProvenance(String source, Optional<HubModelName> hub, Licence licence, List<ModelFile> files) {
    public ModelProvenance {
        files = List.copyOf(files);
    }

    public long bytes() {
        return files.stream().mapToLong(ModelFile::size).sum();
    }

    /** As the journal writes it: {source, repo, commit, licence, bytes, files: [{name, size, sha256}]}. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", source);
        hub.ifPresent(h -> {
            fields.put("repo", h.repo());
            fields.put("commit", h.revision());
        });
        fields.put("licence", licence.display());
        fields.put("bytes", bytes());
        fields.put("files", files.stream().map(f -> Map.<String, Object>of("name", f.name(), "size", f.size(), "sha256", f.sha256())).toList());
        return fields;
    }
}
