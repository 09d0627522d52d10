package org.liquide.record;

import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts visitors' interactions for the journal: each time a presence signal ({@code .../presence})
 * rises, and each time a touch or foot-switch signal ({@code .../touch}, {@code .../pedal}) is pressed.
 * Checked a few times per second; each hour's count is written when the hour ends.
 */
public final class InteractionCounter {
    private final SignalBus bus;
    private final Journal journal;
    private final ZoneId zone;
    private final Map<String, Boolean> high = new HashMap<>();
    private final SignalSample sample = new SignalSample();
    private Instant hour;
    private int count;

    public InteractionCounter(SignalBus bus, Journal journal, ZoneId zone) {
        this.bus = bus;
        this.journal = journal;
        this.zone = zone;
    }

    /** Looks at the signals once; call a few times per second. */
    public synchronized void check(Instant now) {
        Instant thisHour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        if (hour == null) {
            hour = thisHour;
        } else if (!thisHour.equals(hour)) {
            journal.append(new JournalEntry(now, "interactions", "", Map.of("hour", hour.atZone(zone).toLocalDateTime().toString(),
                    "count", count)));
            hour = thisHour;
            count = 0;
        }
        for (Signal signal : bus.signals()) {
            String name = signal.name();
            if (!(name.endsWith("/presence") || name.endsWith("/touch") || name.endsWith("/pedal")) || !signal.read(sample)) {
                continue;
            }
            boolean pressed = false;
            for (int i = 0; i < sample.channels(); i++) {
                pressed |= sample.value(i) >= 0.5;
            }
            Boolean before = high.put(name, pressed);
            if (pressed && Boolean.FALSE.equals(before)) {
                count++;
            }
        }
    }

    /** Interactions so far this hour. */
    public synchronized int currentHour() {
        return count;
    }
}
