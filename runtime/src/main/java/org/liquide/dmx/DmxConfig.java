package org.liquide.dmx;

import java.util.List;

/**
 * DMX out ({@code dmx} in showcase.yaml): the targets each universe goes to, the named channels mappings move,
 * and how many frames a second are sent.
 */
public record DmxConfig(double rate, List<DmxTarget> targets, List<DmxChannel> channels) {
    /** DMX512 refreshes a full universe at most about 44 times a second. */
    public static final double DEFAULT_RATE = 44;
    public static final DmxConfig NONE = new DmxConfig(DEFAULT_RATE, List.of(), List.of());

    public DmxConfig {
        targets = List.copyOf(targets);
        channels = List.copyOf(channels);
    }

    public boolean enabled() {
        return !targets.isEmpty();
    }

    /** The target names a scene may map to, {@code dmx.<channel>}. */
    public List<String> targetNames() {
        return channels.stream().map(c -> DmxLevels.TARGET_PREFIX + c.name()).toList();
    }
}
