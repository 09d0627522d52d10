package org.liquide.show;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.CapturedLog;
import org.liquide.showcase.OpeningHours;
import org.liquide.show.schedule.ScheduleListener;
import org.liquide.show.schedule.Scheduler;
import org.liquide.showcase.TimeRange;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class SchedulerTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static OpeningHours hours() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(TimeRange.parse("10:00-19:00")));
        }
        weekly.put(DayOfWeek.MONDAY, List.of());
        weekly.put(DayOfWeek.FRIDAY, List.of(TimeRange.parse("10:00-13:00"), TimeRange.parse("14:00-23:00")));
        weekly.put(DayOfWeek.SATURDAY, List.of(TimeRange.parse("22:00-02:00")));
        return new OpeningHours(PARIS, weekly, Map.of(LocalDate.of(2027, 1, 14), List.of(TimeRange.parse("18:00-24:00"))));
    }

    private static Instant paris(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(PARIS).toInstant();
    }

    private final List<String> events = new ArrayList<>();
    private final ScheduleListener listener = new ScheduleListener() {
        @Override
        public void opened() {
            events.add("open");
        }

        @Override
        public void closed() {
            events.add("closed");
        }

        @Override
        public void dailyRestart() {
            events.add("restart");
        }
    };

    @Test
    void followsADayMinuteByMinuteWithARestartAtNight() {
        ManualClock clock = new ManualClock(paris("2027-01-12T08:00"));
        Scheduler scheduler = new Scheduler(hours(), Optional.of(LocalTime.of(4, 30)), clock, listener);
        List<String> seen = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            scheduler.tick();
            if (!events.isEmpty()) {
                seen.add(clock.now.atZone(PARIS).toLocalTime() + " " + String.join(",", events));
                events.clear();
            }
            clock.now = clock.now.plus(Duration.ofMinutes(1));
        }
        assertEquals(List.of("08:00 closed", "10:00 open", "19:00 closed", "04:30 restart"), seen);
    }

    @Test
    void hoursAreWallClockTimesAcrossDaylightSavingChanges() {
        OpeningHours hours = hours();
        // 28 March 2027: clocks go from 02:00 to 03:00 (Sunday). 10:00 is still 10:00 local time.
        assertFalse(hours.isOpen(paris("2027-03-28T09:59")));
        assertTrue(hours.isOpen(paris("2027-03-28T10:00")));
        assertEquals(paris("2027-03-28T19:00"), hours.nextChange(paris("2027-03-28T12:00")).orElseThrow());
        // 31 October 2027: clocks go from 03:00 back to 02:00 (Sunday).
        assertTrue(hours.isOpen(paris("2027-10-31T18:59")));
        assertFalse(hours.isOpen(paris("2027-10-31T19:00")));
        // The Sunday lasts 23 and 25 hours: opening to closing is still nine hours of wall clock.
        assertEquals(Duration.ofHours(9), Duration.between(paris("2027-10-31T10:00"), paris("2027-10-31T19:00")));
    }

    @Test
    void aRestartInsideTheSpringForwardGapHappensOnceRightAfterIt() {
        ManualClock clock = new ManualClock(paris("2027-03-28T01:00"));
        Scheduler scheduler = new Scheduler(hours(), Optional.of(LocalTime.of(2, 30)), clock, listener);
        scheduler.tick();
        events.clear();
        int restarts = 0;
        for (int minute = 0; minute < 180; minute++) {
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            scheduler.tick();
            restarts += (int) events.stream().filter("restart"::equals).count();
            events.clear();
        }
        assertEquals(1, restarts);
    }

    @Test
    void aRestartInTheRepeatedHourOfAutumnHappensOnce() {
        ManualClock clock = new ManualClock(paris("2027-10-31T00:00"));
        Scheduler scheduler = new Scheduler(hours(), Optional.of(LocalTime.of(2, 30)), clock, listener);
        scheduler.tick();
        events.clear();
        for (int minute = 0; minute < 5 * 60; minute++) {
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            scheduler.tick();
        }
        assertEquals(1, events.stream().filter("restart"::equals).count());
    }

    @Test
    void splitDaysNightOpeningsAndExceptions() {
        OpeningHours hours = hours();
        assertTrue(hours.isOpen(paris("2027-01-15T12:59")), "Friday morning");
        assertFalse(hours.isOpen(paris("2027-01-15T13:30")), "Friday lunch break");
        assertTrue(hours.isOpen(paris("2027-01-15T22:59")), "Friday evening");
        assertTrue(hours.isOpen(paris("2027-01-17T01:30")), "Saturday's night opening runs into Sunday");
        assertFalse(hours.isOpen(paris("2027-01-18T12:00")), "closed on Mondays");
        assertFalse(hours.isOpen(paris("2027-01-14T12:00")), "the vernissage day opens only at 18:00");
        assertTrue(hours.isOpen(paris("2027-01-14T23:59")));
        assertEquals(paris("2027-01-15T00:00"), hours.nextChange(paris("2027-01-14T20:00")).orElseThrow(),
                "24:00 closes at midnight, then Friday opens at 10:00");
    }

    @Test
    void aClockJumpIsFollowedAtTheNextCheck() {
        ManualClock clock = new ManualClock(paris("2027-01-12T12:00"));
        Scheduler scheduler = new Scheduler(hours(), Optional.empty(), clock, listener);
        scheduler.tick();
        clock.now = paris("2027-01-12T21:00");
        scheduler.tick();
        assertEquals(List.of("open", "closed"), events);
    }

    @Test
    void outOfHoursTheLogSaysUntilWhenInTheVenuesZoneAndWhatTheShowDoes() {
        try (CapturedLog log = CapturedLog.of(Scheduler.class).at(ch.qos.logback.classic.Level.INFO)) {
            ManualClock clock = new ManualClock(paris("2027-01-12T06:27"));
            Scheduler scheduler = new Scheduler(hours(), Optional.empty(), clock, new ScheduleListener() {
                @Override
                public void opened() {
                }

                @Override
                public void closed() {
                }

                @Override
                public String whileClosed() {
                    return "the show sleeps";
                }

                @Override
                public void dailyRestart() {
                }
            });
            scheduler.tick();
            assertEquals(List.of("schedule: closed until 10:00 (Europe/Paris): the show sleeps"),
                    log.messages());
            assertEquals(Optional.of("10:00 (Europe/Paris)"), scheduler.closedUntil());

            clock.now = paris("2027-01-12T12:00");
            scheduler.tick();
            assertEquals(Optional.empty(), scheduler.closedUntil(), "open");
            assertEquals("schedule: open until 19:00 (Europe/Paris)", log.messages().getLast());

            clock.now = paris("2027-01-12T20:00");
            scheduler.tick();
            assertEquals(Optional.of("2027-01-13 10:00 (Europe/Paris)"), scheduler.closedUntil(), "tomorrow, with its date");
        }
    }

    @Test
    void badHoursAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("10h-19h"));
        assertTrue(e.getMessage().contains("09:30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("10:00"));
    }
}
