package org.liquide.sound.output;

import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.sound.SoundControl;

/**
 * A sound parameter as the audio thread reads it: the control thread writes the target (a volatile
 * float), the audio thread glides towards it sample by sample so that no change clicks.
 */
final class Controlled {
    private final SoundControl control;
    private final Signal signal;
    private final boolean decibels;
    private volatile float target;
    private float current;

    /** @param decibels the control is in dB and the audio thread wants a linear gain */
    Controlled(SoundControl control, SignalBus bus, boolean decibels) {
        this.control = control;
        this.decibels = decibels;
        this.signal = control instanceof SoundControl.FromSignal from ? bus.signal(from.signal()) : null;
        this.target = convert(control.fallback());
        this.current = target;
    }

    /** Control thread: reads the signal (or the fallback when it is silent since {@code staleNanos}) into the target. */
    void evaluate(SignalSample scratch, long nowNanos, long staleNanos) {
        if (!(control instanceof SoundControl.FromSignal from)) {
            return;
        }
        double value = from.fallback();
        if (signal.read(scratch) && scratch.channels() > from.channel() && nowNanos - scratch.receivedNanos() < staleNanos) {
            value = from.map(scratch.value(from.channel()));
        }
        target = convert(value);
    }

    /** Audio thread: one step of the glide ({@code coefficient}: the share of the way covered per sample). */
    float next(float coefficient) {
        current += (target - current) * coefficient;
        return current;
    }

    private float convert(double value) {
        return (float) (decibels ? Math.pow(10, value / 20) : value);
    }
}
