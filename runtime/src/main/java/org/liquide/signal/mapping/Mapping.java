package org.liquide.signal.mapping;

import org.liquide.signal.Signal;
import org.liquide.signal.SignalSample;
import org.liquide.signal.filter.SignalFilter;

/**
 * A running mapping: signal → filter chain → target. The chain runs once per new sample (so a median
 * sees real readings and {@code dt} is the real interval between them); between samples the output
 * holds, optionally gliding. A signal silent for longer than its timeout is stale: the target returns
 * to the default and the filters forget their past. Evaluated on one thread (the render thread);
 * its status fields are readable from any thread.
 */
public final class Mapping {
    private final MappingSpec spec;
    private final Signal signal;
    private final SignalFilter[] filters;
    private final ParameterTarget target;
    private final long timeoutNanos;
    private long lastMessages;
    private long lastSampleNanos;
    private long lastEvaluationNanos = Long.MIN_VALUE;
    private double filtered;
    private double output;
    private volatile double raw = Double.NaN;
    private volatile double mapped;
    private volatile boolean stale = true;
    private volatile long lastReceivedNanos;

    public Mapping(MappingSpec spec, Signal signal, ParameterTarget target) {
        this.spec = spec;
        this.signal = signal;
        this.target = target;
        this.filters = spec.filters().stream().map(java.util.function.Supplier::get).toArray(SignalFilter[]::new);
        this.timeoutNanos = (long) (spec.timeoutSeconds() * 1e9);
        this.filtered = spec.defaultValue();
        this.output = spec.defaultValue();
        this.mapped = spec.defaultValue();
    }

    /** Reads the signal, runs the chain on a new sample, applies staleness and glide, sets the target. */
    public void evaluate(long nowNanos, SignalSample scratch) {
        double frameSeconds = lastEvaluationNanos == Long.MIN_VALUE ? 0 : (nowNanos - lastEvaluationNanos) / 1e9;
        lastEvaluationNanos = nowNanos;
        boolean received = signal.read(scratch);
        if (received && scratch.messages() != lastMessages && scratch.channels() > spec.channel()) {
            double value = scratch.value(spec.channel());
            double dt = lastMessages == 0 || stale ? 0 : (scratch.receivedNanos() - lastSampleNanos) / 1e9;
            lastMessages = scratch.messages();
            lastSampleNanos = scratch.receivedNanos();
            lastReceivedNanos = scratch.receivedNanos();
            raw = value;
            if (stale) {
                for (SignalFilter filter : filters) {
                    filter.reset();
                }
                stale = false;
            }
            for (SignalFilter filter : filters) {
                value = filter.apply(value, dt);
            }
            filtered = value;
        }
        if (!stale && (lastMessages == 0 || nowNanos - lastSampleNanos > timeoutNanos)) {
            stale = true;
        }
        double goal = stale ? spec.defaultValue() : filtered;
        if (spec.glideSeconds() > 0 && frameSeconds > 0) {
            output += (1 - Math.exp(-frameSeconds / spec.glideSeconds())) * (goal - output);
        } else {
            output = goal;
        }
        mapped = output;
        target.set(output);
    }

    public MappingSpec spec() {
        return spec;
    }

    /** The last raw value received (NaN before any). */
    public double raw() {
        return raw;
    }

    /** The value last given to the target. */
    public double mapped() {
        return mapped;
    }

    /** True before the first sample and whenever the signal has been silent longer than its timeout. */
    public boolean stale() {
        return stale;
    }

    /** {@link System#nanoTime()} of the last sample, 0 if none. */
    public long lastReceivedNanos() {
        return lastReceivedNanos;
    }
}
