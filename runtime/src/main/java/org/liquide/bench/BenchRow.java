package org.liquide.bench;

import java.util.Locale;

/**
 * One line of the results table: what Liquide measured, the anchor it stands next to (measured in the
 * same run, or a fixed goal), their ratio and how to read it.
 *
 * @param id         stable key (tests and documentation refer to rows by it)
 * @param measure    what was measured, in words
 * @param unit       unit of both values
 * @param liquide    Liquide's figure; null when the benchmark failed
 * @param anchorName what Liquide is compared with
 * @param anchor     the anchor's measured figure, or null when it is a fixed goal or could not be measured
 * @param goal       a fixed anchor value (a goal or a budget) the ratio is taken against when there is no
 *                   measured anchor; NaN when none
 * @param anchorText shown instead of a measured anchor (a goal, or why it is missing)
 * @param reading    how to read the ratio (which way is better, the goal)
 * @param notes      details: spread, counts, caveats
 * @param failure    why the benchmark failed, or null
 */
public record BenchRow(String id, String measure, String unit, Stats liquide, String anchorName, Stats anchor,
                       double goal, String anchorText, String reading, String notes, String failure) {

    public static BenchRow measured(String id, String measure, String unit, Stats liquide, String anchorName,
                                    Stats anchor, String reading, String notes) {
        return new BenchRow(id, measure, unit, liquide, anchorName, anchor, Double.NaN, "", reading, notes, null);
    }

    /**
     * A row whose anchor is a fixed value (a goal, a budget: {@code goal}, NaN for none) or could not be
     * measured ({@code anchorText} says what it is or why it is missing).
     */
    public static BenchRow againstGoal(String id, String measure, String unit, Stats liquide, String anchorName,
                                       double goal, String anchorText, String reading, String notes) {
        return new BenchRow(id, measure, unit, liquide, anchorName, null, goal, anchorText, reading, notes, null);
    }

    public static BenchRow failed(String id, String measure, String why) {
        return new BenchRow(id, measure, "", null, "", null, Double.NaN, "", "", "", why);
    }

    /** The same row with one more sentence in its notes. */
    public BenchRow withNote(String note) {
        String joined = notes == null || notes.isBlank() ? note : notes + "; " + note;
        return new BenchRow(id, measure, unit, liquide, anchorName, anchor, goal, anchorText, reading, joined, failure);
    }

    public boolean ok() {
        return failure == null && liquide != null;
    }

    /** Liquide's median over the anchor's (or over the goal), NaN when there is neither. */
    public double ratio() {
        if (liquide == null) {
            return Double.NaN;
        }
        double against = anchor != null ? anchor.median() : goal;
        if (!Double.isFinite(against) || against == 0) {
            return Double.NaN;
        }
        return liquide.median() / against;
    }

    String liquideCell() {
        if (failure != null) {
            return "**failed**: " + failure;
        }
        return liquide.format(unit);
    }

    String anchorCell() {
        if (anchor != null) {
            return anchor.format(unit);
        }
        return anchorText;
    }

    String ratioCell() {
        double ratio = ratio();
        if (Double.isNaN(ratio)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%s×", Stats.number(ratio));
    }
}
