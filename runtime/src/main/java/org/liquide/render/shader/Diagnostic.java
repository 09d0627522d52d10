package org.liquide.render.shader;

/**
 * One message about a shader file, pointing at the artist's own file and line: {@code fluide.fs:12:5: error: ...}.
 * Line and column are 1-based; 0 means unknown.
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {

    public enum Severity {
        ERROR, WARNING;

        String word() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, message);
    }

    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message}, leaving out what is unknown. */
    public String format() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(severity.word()).append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
