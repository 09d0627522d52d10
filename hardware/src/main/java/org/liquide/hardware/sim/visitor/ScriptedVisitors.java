package org.liquide.hardware.sim.visitor;

import org.liquide.hardware.sim.Stimuli;
import org.liquide.hardware.time.NanoClock;

import java.util.List;
import java.util.Objects;

/**
 * Stimuli from a {@link VisitorScript}, played on a clock from the moment this is created. Every sensor of a
 * kind sees the same scene: ranging sensors the nearest visitor, PIRs anyone present, touch sensors the
 * electrodes lingering visitors touch, light sensors the ambient light minus the shadow of visitors closer than
 * 80 cm, ADC input 0 the pressure pad (about 2.4 V with someone on it), foot switches a short press.
 */
public final class ScriptedVisitors implements Stimuli {
    static final double AMBIENT_LUX = 320;
    static final double SHADOW_MILLIMETRES = 800;
    static final double PAD_VOLTS = 2.4;
    static final double PAD_IDLE_VOLTS = 0.02;

    private final VisitorScript script;
    private final NanoClock clock;
    private final long startNanos;

    public ScriptedVisitors(VisitorScript script, NanoClock clock) {
        this.script = Objects.requireNonNull(script, "script");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startNanos = clock.nanoTime();
    }

    private long now() {
        return (clock.nanoTime() - startNanos) / 1_000_000;
    }

    private List<Visitor> present(long millis) {
        return script.presentAt(millis);
    }

    @Override
    public double distanceMillimetres(String sensor) {
        long t = now();
        return present(t).stream().mapToDouble(v -> v.distanceAt(t)).min().orElse(Double.POSITIVE_INFINITY);
    }

    @Override
    public boolean motion(String sensor) {
        return !present(now()).isEmpty();
    }

    @Override
    public boolean pressed(String sensor) {
        long t = now();
        return present(t).stream().anyMatch(v -> v.pressingSwitchAt(t));
    }

    @Override
    public int touchedElectrodes(String sensor) {
        long t = now();
        int mask = 0;
        for (Visitor visitor : present(t)) {
            if (visitor.touchingAt(t)) {
                mask |= 1 << visitor.touchedElectrode();
            }
        }
        return mask;
    }

    @Override
    public double lux(String sensor) {
        long t = now();
        double ambient = AMBIENT_LUX + 30 * Math.sin(2 * Math.PI * t / 600_000.0);
        double shade = 1;
        for (Visitor visitor : present(t)) {
            double d = visitor.distanceAt(t);
            if (d < SHADOW_MILLIMETRES) {
                shade = Math.min(shade, 0.5 + 0.5 * d / SHADOW_MILLIMETRES);
            }
        }
        return ambient * shade;
    }

    @Override
    public double volts(String sensor, int channel) {
        if (channel != 0) {
            return 0;
        }
        long t = now();
        return present(t).stream().anyMatch(v -> v.onPadAt(t))
                ? PAD_VOLTS + 0.05 * Math.sin(2 * Math.PI * t / 900.0)
                : PAD_IDLE_VOLTS;
    }
}
