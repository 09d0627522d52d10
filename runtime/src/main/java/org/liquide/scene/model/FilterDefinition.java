package org.liquide.scene.model;

import org.liquide.signal.filter.ChangeTrigger;
import org.liquide.signal.filter.Clamp;
import org.liquide.signal.filter.Curve;
import org.liquide.signal.filter.DeadZone;
import org.liquide.signal.filter.ExponentialSmoothing;
import org.liquide.signal.filter.HoldFilter;
import org.liquide.signal.filter.HysteresisThreshold;
import org.liquide.signal.filter.Invert;
import org.liquide.signal.filter.MedianFilter;
import org.liquide.signal.filter.OneEuroFilter;
import org.liquide.signal.filter.RangeRemap;
import org.liquide.signal.filter.SignalFilter;

/** One filter of a mapping, as configured; {@link #create()} gives a fresh running filter. */
public sealed interface FilterDefinition {
    SignalFilter create();

    record OneEuro(double minCutoff, double beta, double derivativeCutoff) implements FilterDefinition {
        public SignalFilter create() {
            return new OneEuroFilter(minCutoff, beta, derivativeCutoff);
        }
    }

    record Smooth(double seconds) implements FilterDefinition {
        public SignalFilter create() {
            return new ExponentialSmoothing(seconds);
        }
    }

    record Median(int window) implements FilterDefinition {
        public SignalFilter create() {
            return new MedianFilter(window);
        }
    }

    record Hysteresis(double low, double high) implements FilterDefinition {
        public SignalFilter create() {
            return new HysteresisThreshold(low, high);
        }
    }

    record Hold(double seconds) implements FilterDefinition {
        public SignalFilter create() {
            return new HoldFilter(seconds);
        }
    }

    record Remap(double inLow, double inHigh, double outLow, double outHigh, Curve curve, double gamma)
            implements FilterDefinition {
        public SignalFilter create() {
            return new RangeRemap(inLow, inHigh, outLow, outHigh, curve, gamma);
        }
    }

    record ClampTo(double min, double max) implements FilterDefinition {
        public SignalFilter create() {
            return new Clamp(min, max);
        }
    }

    record Dead(double center, double width) implements FilterDefinition {
        public SignalFilter create() {
            return new DeadZone(center, width);
        }
    }

    record InvertRange(double min, double max) implements FilterDefinition {
        public SignalFilter create() {
            return new Invert(min, max);
        }
    }

    record Trigger(ChangeTrigger.Mode mode, double threshold) implements FilterDefinition {
        public SignalFilter create() {
            return new ChangeTrigger(mode, threshold);
        }
    }
}
