package org.liquide.show.schedule;

import org.liquide.showcase.OpeningHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Follows the opening hours: tells the show when it opens and closes, and when its daily restart is
 * due. It compares the clock with the hours every second rather than sleeping until the next change,
 * so a clock set forward or back (NTP at boot, a daylight-saving change) is followed within a second.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final OpeningHours hours;
    private final Optional<LocalTime> dailyRestart;
    private final Clock clock;
    private final ScheduleListener listener;
    private Boolean open;
    private Instant lastTick;
    private Thread thread;
    private volatile boolean running = true;

    public Scheduler(OpeningHours hours, Optional<LocalTime> dailyRestart, Clock clock, ScheduleListener listener) {
        this.hours = hours;
        this.dailyRestart = dailyRestart;
        this.clock = clock;
        this.listener = listener;
    }

    /** Checks the clock once: the first call announces the current state. */
    public synchronized void tick() {
        Instant now = clock.instant();
        boolean openNow = hours.isOpen(now);
        if (open == null || open != openNow) {
            open = openNow;
            String next = hours.nextChange(now).map(i -> " until " + when(i.atZone(hours.zone()), now)).orElse("");
            String doing = openNow || listener.whileClosed().isEmpty() ? "" : ": " + listener.whileClosed();
            LOG.info("schedule: {}{}{}", openNow ? "open" : "closed", next, doing);
            if (openNow) {
                listener.opened();
            } else {
                listener.closed();
            }
        }
        if (lastTick != null && dailyRestart.isPresent() && restartBetween(lastTick, now, dailyRestart.get())) {
            LOG.info("schedule: daily restart at {}", dailyRestart.get());
            listener.dailyRestart();
        }
        lastTick = now;
    }

    private boolean restartBetween(Instant after, Instant until, LocalTime time) {
        if (!until.isAfter(after)) {
            return false;
        }
        LocalDate first = after.atZone(hours.zone()).toLocalDate();
        LocalDate last = until.atZone(hours.zone()).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant restart = ZonedDateTime.of(day, time, hours.zone()).toInstant();
            if (restart.isAfter(after) && !restart.isAfter(until)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A time of the schedule as the venue reads it, with its zone: {@code 11:00 (Europe/Paris)} on the same day
     * as {@code now}, else with its date ({@code 2026-12-04 11:00 (Europe/Paris)}).
     */
    public static String when(ZonedDateTime time, Instant now) {
        String clock = time.toLocalTime().format(HOURS_MINUTES);
        String day = time.toLocalDate().equals(now.atZone(time.getZone()).toLocalDate()) ? "" : time.toLocalDate() + " ";
        return day + clock + " (" + time.getZone().getId() + ")";
    }

    /** When the show opens next, while it is closed (as of the last check); empty while open. */
    public synchronized Optional<String> closedUntil() {
        if (open == null || open) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return hours.nextChange(now).map(i -> when(i.atZone(hours.zone()), now));
    }

    /** True when the show is within its opening hours (as of the last check). */
    public synchronized boolean isOpen() {
        return open != null && open;
    }

    public Scheduler start() {
        thread = Thread.ofPlatform().name("liquide-schedule").daemon().start(() -> {
            while (running) {
                try {
                    tick();
                } catch (RuntimeException e) {
                    LOG.error("schedule check failed", e);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return this;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
