package org.liquide.showcase;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the show is open, in the venue's time zone: hours per weekday, and dated exceptions (a late
 * opening night, a public holiday). Times are wall-clock times of the zone, so daylight-saving changes
 * move nothing: 10:00 stays 10:00. A time that does not exist on a spring-forward night is taken as the
 * first instant after the gap.
 */
public final class OpeningHours {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeRange>> weekly;
    private final Map<LocalDate, List<TimeRange>> exceptions;

    public OpeningHours(ZoneId zone, Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, List<TimeRange>> exceptions) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.copyOf(weekly.getOrDefault(day, List.of())));
        }
        this.weekly = days;
        this.exceptions = Map.copyOf(exceptions);
    }

    /** Open every day, all day. */
    public static OpeningHours always(ZoneId zone) {
        EnumMap<DayOfWeek, List<TimeRange>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(TimeRange.parse("00:00-24:00")));
        }
        return new OpeningHours(zone, all, Map.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The ranges that start on this date (an exception replaces the weekday's hours). */
    public List<TimeRange> rangesOn(LocalDate date) {
        List<TimeRange> special = exceptions.get(date);
        return special != null ? special : weekly.get(date.getDayOfWeek());
    }

    public boolean isOpen(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            for (TimeRange range : rangesOn(day)) {
                if (!instant.isBefore(opening(day, range)) && instant.isBefore(closing(day, range))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The next instant after {@code instant} when the show opens or closes, within two weeks. */
    public Optional<Instant> nextChange(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        List<Instant> edges = new ArrayList<>();
        for (int offset = -1; offset <= 14; offset++) {
            LocalDate day = today.plusDays(offset);
            for (TimeRange range : rangesOn(day)) {
                edges.add(opening(day, range));
                edges.add(closing(day, range));
            }
        }
        boolean openNow = isOpen(instant);
        return edges.stream().filter(edge -> edge.isAfter(instant)).sorted()
                .filter(edge -> isOpen(edge) != openNow)
                .findFirst();
    }

    private Instant opening(LocalDate day, TimeRange range) {
        return ZonedDateTime.of(day, range.start(), zone).toInstant();
    }

    private Instant closing(LocalDate day, TimeRange range) {
        LocalDate endDay = range.crossesMidnight() ? day.plusDays(1) : day;
        return ZonedDateTime.of(endDay, range.end(), zone).toInstant();
    }
}
