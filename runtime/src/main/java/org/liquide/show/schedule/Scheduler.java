package org.liquide.show.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Follows the opening hours: tells the show when it opens and closes, and when its daily restart is
 * due. It compares the clock with the hours every second rather than sleeping until the next change,
 * so a clock set forward or back (NTP at boot, a daylight-saving change) is followed within a second.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

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
            String next = hours.nextChange(now).map(i -> " until " + i.atZone(hours.zone()).toLocalDateTime()).orElse("");
            LOG.info("schedule: {}{}", openNow ? "open" : "closed", next);
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
