package org.liquide.sound;

/**
 * A sound parameter: fixed, or following a signal through a linear range (clamped), with a value while
 * the signal is silent or was never heard.
 */
public sealed interface SoundControl {
    /** The value with no signal. */
    double fallback();

    record Fixed(double value) implements SoundControl {
        @Override
        public double fallback() {
            return value;
        }
    }

    /** {@code signal}'s {@code channel} from {@code in} to {@code out}, clamped; {@code fallback} while none is heard. */
    record FromSignal(String signal, int channel, double inLow, double inHigh, double outLow, double outHigh,
                      double fallback) implements SoundControl {
        public double map(double value) {
            double t = inHigh == inLow ? 0 : (value - inLow) / (inHigh - inLow);
            return outLow + Math.clamp(t, 0, 1) * (outHigh - outLow);
        }
    }
}
