package org.liquide.render.shader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a GLSL compiler's log into diagnostics on the artist's file. Drivers word their logs
 * differently; these are recognised:
 * <ul>
 * <li>Mesa: {@code 0:12(5): error: `foo' undeclared}</li>
 * <li>NVIDIA: {@code 0(12) : error C1008: undefined variable "foo"}</li>
 * <li>AMD, Intel on Windows, Apple: {@code ERROR: 0:12: 'foo' : undeclared identifier}</li>
 * </ul>
 * Other lines are kept as messages without a line. Of the errors on one line of the file only the first is
 * kept: drivers follow it with its consequences (Mesa: "operands to arithmetic operators must be numeric", the
 * candidates of a call), which would bury the mistake under lines about it.
 */
final class DriverLog {
    private static final Pattern MESA = Pattern.compile("^\\s*\\d+:(\\d+)\\((\\d+)\\)\\s*:\\s*(error|warning)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NVIDIA = Pattern.compile("^\\s*\\d+\\((\\d+)\\)\\s*:\\s*(error|warning)\\s*(?:[A-Z]\\d+\\s*)?:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GENERIC = Pattern.compile("^\\s*(ERROR|WARNING)\\s*:\\s*\\d+:(\\d+)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private DriverLog() {
    }

    /** Diagnostics for a compile log of the stage whose lines {@code map} describes. */
    static List<Diagnostic> map(String log, SourceMap map, String stage) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (String line : log.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher mesa = MESA.matcher(line);
            Matcher nvidia = NVIDIA.matcher(line);
            Matcher generic = GENERIC.matcher(line);
            if (mesa.matches()) {
                diagnostics.add(at(map, stage, Integer.parseInt(mesa.group(1)), Integer.parseInt(mesa.group(2)),
                        mesa.group(3), mesa.group(4)));
            } else if (nvidia.matches()) {
                diagnostics.add(at(map, stage, Integer.parseInt(nvidia.group(1)), 0, nvidia.group(2), nvidia.group(3)));
            } else if (generic.matches()) {
                diagnostics.add(at(map, stage, Integer.parseInt(generic.group(2)), 0, generic.group(1), generic.group(3)));
            } else {
                diagnostics.add(Diagnostic.error(map.file(), 0, 0, stage + ": " + line.strip()));
            }
        }
        if (diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.error(map.file(), 0, 0, stage + " shader does not compile (the driver gave no log)"));
        }
        Set<Integer> linesWithAnError = new HashSet<>();
        return diagnostics.stream()
                .filter(d -> !d.isError() || d.line() <= 0 || linesWithAnError.add(d.line()))
                .toList();
    }

    private static Diagnostic at(SourceMap map, String stage, int generatedLine, int column, String severity, String message) {
        int fileLine = map.fileLine(generatedLine);
        boolean error = !severity.equalsIgnoreCase("warning");
        String text = message.strip();
        if (fileLine == 0) {
            text = "in the " + stage + " code Liquide generates (its line " + generatedLine + "): " + text;
            column = 0;
        }
        return error ? Diagnostic.error(map.file(), fileLine, column, text) : Diagnostic.warning(map.file(), fileLine, column, text);
    }
}
