package org.liquide.render.shader;

import org.liquide.render.FrameClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.LongSupplier;

/**
 * The time uniforms of a shader layer: TIME (seconds since the layer first rendered, continuous across
 * reloads), TIMEDELTA (0 on the first frame), FRAMEINDEX (frames this layer rendered) and DATE (year,
 * month, day, seconds since local midnight). Allocation-free per frame: the calendar date is worked out
 * only when a day boundary is crossed.
 */
final class ShaderTime {
    private final LongSupplier wallClockMillis;
    private final ZoneId zone;
    private double originSeconds = Double.NaN;
    private double lastSeconds;
    private long frames;
    private long midnightMillis = Long.MAX_VALUE;
    private long nextMidnightMillis = Long.MIN_VALUE;
    private float year;
    private float month;
    private float day;

    float time;
    float delta;
    int frameIndex;
    float secondsOfDay;

    ShaderTime(LongSupplier wallClockMillis, ZoneId zone) {
        this.wallClockMillis = wallClockMillis;
        this.zone = zone;
    }

    static ShaderTime system() {
        return new ShaderTime(System::currentTimeMillis, ZoneId.systemDefault());
    }

    /** Moves to the frame the clock describes; call once per rendered frame. */
    void advance(FrameClock clock) {
        double now = clock.seconds();
        if (Double.isNaN(originSeconds)) {
            originSeconds = now;
            lastSeconds = now;
        }
        time = (float) (now - originSeconds);
        delta = frames == 0 ? 0f : (float) Math.max(0, now - lastSeconds);
        lastSeconds = now;
        frameIndex = (int) frames++;
        long millis = wallClockMillis.getAsLong();
        if (millis < midnightMillis || millis >= nextMidnightMillis) {
            newDay(millis);
        }
        secondsOfDay = (millis - midnightMillis) / 1000f;
    }

    private void newDay(long millis) {
        ZonedDateTime at = Instant.ofEpochMilli(millis).atZone(zone);
        LocalDate date = at.toLocalDate();
        year = date.getYear();
        month = date.getMonthValue();
        day = date.getDayOfMonth();
        midnightMillis = date.atStartOfDay(zone).toInstant().toEpochMilli();
        nextMidnightMillis = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    float year() {
        return year;
    }

    float month() {
        return month;
    }

    float day() {
        return day;
    }
}
