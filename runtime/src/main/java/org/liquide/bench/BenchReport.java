package org.liquide.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of a run as Markdown: the machine, the table, then each row's notes. */
public record BenchReport(BenchConfig config, MachineInfo machine, List<BenchRow> rows, double seconds, String load) {

    public boolean allOk() {
        return rows.stream().allMatch(BenchRow::ok);
    }

    public String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("## Results (" + config.profile() + " run" + (config.quickOrTiny() ? ": proves each benchmark runs; do not judge these figures" : "") + ")");
        lines.add("");
        lines.add("Medians over repeated windows or runs, with min–max and the number of samples; the anchor is"
                + " measured in the same run on the same machine unless it is a stated goal. Whole run: "
                + String.format(Locale.ROOT, "%.0f s", seconds) + ".");
        lines.add("");
        lines.addAll(machine.lines());
        lines.add("- Load average (1, 5, 15 min) at the start and the end of the run: " + load
                + " (other work on the machine shows here and widens the spreads)");
        lines.add("");
        lines.add("| # | Measure | Liquide | Anchor | Anchor figure | Liquide ÷ anchor | Reading |");
        lines.add("|---|---|---|---|---|---|---|");
        int number = 1;
        for (BenchRow row : rows) {
            lines.add("| " + number++ + " | " + cell(row.measure()) + " | " + cell(row.liquideCell()) + " | "
                    + cell(row.anchorName()) + " | " + cell(row.anchorCell()) + " | " + cell(row.ratioCell()) + " | "
                    + cell(row.reading()) + " |");
        }
        lines.add("");
        lines.add("Notes:");
        lines.add("");
        number = 1;
        for (BenchRow row : rows) {
            String notes = row.failure() != null ? "failed: " + row.failure() : row.notes();
            lines.add(number++ + ". `" + row.id() + "`: " + notes);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
