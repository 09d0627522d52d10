package org.liquide.generate.engine;

import java.util.List;

/**
 * Which execution provider a model runs on, and why faster ones were not taken.
 *
 * @param asked   what the configuration asked for: {@code auto}, {@code cpu}, {@code cuda:0}, {@code tensorrt:0}
 * @param used    where the session runs: {@code cpu}, {@code cuda:0}, {@code tensorrt:0}
 * @param refused one line per provider tried before and refused, e.g. {@code cuda: libcudnn.so.9 not found}
 */
public record ProviderChoice(String asked, String used, List<String> refused) {
    public ProviderChoice {
        refused = List.copyOf(refused);
    }

    /** A model that ran where it was asked, with nothing refused. */
    public static ProviderChoice direct(String device) {
        return new ProviderChoice(device, device, List.of());
    }

    /** True when a provider was asked for by name and the model runs on a slower one. */
    public boolean degraded() {
        return !asked.equals("auto") && !asked.equals(used);
    }

    /** The warning to show when {@link #degraded()}, otherwise null. */
    public String warning() {
        return degraded() ? "asked for " + asked + ", running on " + used + ": " + String.join("; ", refused) : null;
    }

    /** One line: the provider used, and what was refused on the way. */
    public String summary() {
        if (refused.isEmpty()) {
            return used;
        }
        return used + " (asked for " + asked + "; refused " + String.join("; ", refused) + ")";
    }
}
