package org.liquide.render.shader;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A shader that cannot be used: its header, its GLSL or a file it names is wrong. The message is the
 * artist-facing report, one {@code file:line[:col]: error: message} line per diagnostic.
 */
public final class ShaderException extends Exception {
    private final List<Diagnostic> diagnostics;

    public ShaderException(List<Diagnostic> diagnostics) {
        super(report(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ShaderException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first error, the one to fix first. */
    public Diagnostic first() {
        return diagnostics.stream().filter(Diagnostic::isError).findFirst().orElse(diagnostics.getFirst());
    }

    static String report(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
