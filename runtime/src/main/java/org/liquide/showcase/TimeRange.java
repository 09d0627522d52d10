package org.liquide.showcase;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Opening hours within a day, {@code 10:00-19:00}. An end at or before the start runs past midnight
 * ({@code 22:00-02:00}); {@code 00:00-24:00} is the whole day.
 *
 * @param start   opening time
 * @param end     closing time ({@link LocalTime#MIDNIGHT} with {@code untilMidnight} for 24:00)
 * @param untilMidnight true when written {@code 24:00}
 */
public record TimeRange(LocalTime start, LocalTime end, boolean untilMidnight) {

    /** True when the range ends on the next day. */
    public boolean crossesMidnight() {
        return untilMidnight || !end.isAfter(start);
    }

    /** Reads {@code HH:MM-HH:MM}. */
    public static TimeRange parse(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected opening hours like 10:00-19:00, got '" + text.strip() + "'");
        }
        try {
            LocalTime start = LocalTime.parse(pad(parts[0]));
            boolean untilMidnight = parts[1].equals("24:00");
            LocalTime end = untilMidnight ? LocalTime.MIDNIGHT : LocalTime.parse(pad(parts[1]));
            if (start.equals(end) && !untilMidnight) {
                throw new IllegalArgumentException("opening and closing at the same time: '" + text.strip() + "'");
            }
            return new TimeRange(start, end, untilMidnight);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected times like 09:30 in '" + text.strip() + "'");
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    @Override
    public String toString() {
        return start + "-" + (untilMidnight ? "24:00" : end.toString());
    }
}
