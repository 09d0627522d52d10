package org.liquide.generate.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The access token for gated or private models, looked for where the Hub's clients look: a file given on the
 * command line, {@code $HF_TOKEN}, the file {@code $HF_TOKEN_PATH}, {@code $HF_HOME/token}
 * ({@code ~/.cache/huggingface/token}, where {@code hf auth login} writes it).
 */
public final class HubToken {
    private HubToken() {
    }

    /** Where a person should put a token so that the next pull finds it. */
    public static Path defaultFile(Map<String, String> env, Path home) {
        String path = env.get("HF_TOKEN_PATH");
        return path != null && !path.isBlank() ? Path.of(path) : HubCache.hfHome(env, home).resolve("token");
    }

    public static Optional<String> find(Optional<Path> file, Map<String, String> env, Path home) throws IOException {
        if (file.isPresent()) {
            return Optional.of(read(file.get())).filter(t -> !t.isEmpty());
        }
        String variable = env.get("HF_TOKEN");
        if (variable != null && !variable.isBlank()) {
            return Optional.of(variable.strip());
        }
        Path standard = defaultFile(env, home);
        return Files.isRegularFile(standard) ? Optional.of(read(standard)).filter(t -> !t.isEmpty()) : Optional.empty();
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > 4096) {
            throw new IOException(file + " is too large to be a token");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
