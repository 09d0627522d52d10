package org.liquide.showcase;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A showcase's {@code schedule:}: its time zone, opening hours by day and by date, the daily restart, and what is
 * shown while closed.
 */
final class ScheduleReader {
    private static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private final Problems problems;

    ScheduleReader(Problems problems) {
        this.problems = problems;
    }

    ScheduleConfig schedule(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'schedule'", "a mapping with timezone, hours...", problems);
        if (maybe.isEmpty()) {
            return new ScheduleConfig(OpeningHours.always(ZoneId.systemDefault()), Optional.empty(), Optional.empty());
        }
        YamlMapping map = maybe.get();
        ZoneId zone = map.get("timezone").flatMap(n -> {
            Optional<String> text = Scalars.text(n, "timezone", "a zone such as Europe/Paris", problems);
            try {
                return text.map(ZoneId::of);
            } catch (DateTimeException e) {
                problems.at(n, "unknown time zone '" + text.get() + "': expected a zone such as Europe/Paris");
                return Optional.empty();
            }
        }).orElse(ZoneId.systemDefault());
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(TimeRange.parse("00:00-24:00")));
        }
        map.get("hours").ifPresent(n -> hours(n, weekly));
        Map<LocalDate, List<TimeRange>> exceptions = map.get("exceptions").map(this::exceptions).orElse(Map.of());
        Optional<LocalTime> restart = map.get("daily_restart").flatMap(n -> {
            Optional<String> text = Scalars.text(n, "daily_restart", "a time such as 04:30", problems);
            try {
                return text.map(t -> LocalTime.parse(t.length() == 4 ? "0" + t : t));
            } catch (DateTimeParseException e) {
                problems.at(n, "'daily_restart' must be a time such as 04:30, got " + text.get());
                return Optional.empty();
            }
        });
        Optional<String> outside = map.get("outside").flatMap(n -> Scalars.text(n, "outside", "sleep or a scene's name", problems))
                .filter(text -> !text.equals("sleep"));
        map.rejectUnknown(List.of("timezone", "hours", "exceptions", "daily_restart", "outside"));
        return new ScheduleConfig(new OpeningHours(zone, weekly, exceptions), restart, outside);
    }

    private void hours(Node node, Map<DayOfWeek, List<TimeRange>> weekly) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "'hours' must map days (monday...sunday) to hours such as 10:00-19:00 or closed");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> day = Choices.one(tuple.getKeyNode(), "hours", DAYS, problems);
            Optional<List<TimeRange>> ranges = ranges(tuple.getValueNode());
            if (day.isPresent() && ranges.isPresent()) {
                weekly.put(DayOfWeek.valueOf(day.get().toUpperCase(Locale.ROOT)), ranges.get());
            }
        }
    }

    private Map<LocalDate, List<TimeRange>> exceptions(Node node) {
        Map<LocalDate, List<TimeRange>> exceptions = new HashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "'exceptions' must map dates (2027-01-14) to hours or closed");
            return exceptions;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> text = Scalars.text(tuple.getKeyNode(), "exceptions", "a date such as 2027-01-14", problems);
            try {
                Optional<LocalDate> date = text.map(LocalDate::parse);
                Optional<List<TimeRange>> ranges = ranges(tuple.getValueNode());
                if (date.isPresent() && ranges.isPresent()) {
                    exceptions.put(date.get(), ranges.get());
                }
            } catch (DateTimeParseException e) {
                problems.at(tuple.getKeyNode(), "expected a date such as 2027-01-14, got " + text.get());
            }
        }
        return exceptions;
    }

    private Optional<List<TimeRange>> ranges(Node node) {
        Optional<String> text = Scalars.text(node, "hours", "hours such as 10:00-19:00, 10:00-13:00, 14:00-19:00, or closed", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equals("closed")) {
            return Optional.of(List.of());
        }
        try {
            List<TimeRange> ranges = new ArrayList<>();
            for (String part : text.get().split(",")) {
                ranges.add(TimeRange.parse(part));
            }
            return Optional.of(ranges);
        } catch (IllegalArgumentException e) {
            problems.at(node, e.getMessage());
            return Optional.empty();
        }
    }
}
