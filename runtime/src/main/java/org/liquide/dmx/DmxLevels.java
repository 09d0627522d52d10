package org.liquide.dmx;

import org.liquide.signal.mapping.ParameterTarget;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The live level of each named channel, as 16 bits (0 to 65535), one atomic int per channel: mappings write
 * from the render thread without waiting or allocating, the DMX thread reads the latest at its own rate. A
 * channel is one value even when fine, so its coarse and fine slots never come from two different frames.
 */
public final class DmxLevels {
    public static final String TARGET_PREFIX = "dmx.";
    private final List<DmxChannel> channels;
    private final AtomicIntegerArray levels;

    public DmxLevels(List<DmxChannel> channels) {
        this.channels = List.copyOf(channels);
        this.levels = new AtomicIntegerArray(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            levels.set(i, sixteenBits(channels.get(i).initial()));
        }
    }

    /** The mapping target {@code dmx.<channel>}, or empty when the name is not one of the channels. */
    public Optional<ParameterTarget> target(String name) {
        if (!name.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        String channel = name.substring(TARGET_PREFIX.length());
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(channel)) {
                int index = i;
                return Optional.of(new ParameterTarget(name, value -> set(index, value)));
            }
        }
        return Optional.empty();
    }

    /** Sets a channel by its index among the configured channels: a level 0 to 1, clamped. */
    public void set(int index, double level) {
        levels.setRelease(index, sixteenBits(level));
    }

    /** The channel's latest level, 0 to 65535. */
    public int get(int index) {
        return levels.getAcquire(index);
    }

    public List<DmxChannel> channels() {
        return channels;
    }

    static int sixteenBits(double level) {
        if (!(level > 0)) {
            return 0; // NaN as well
        }
        return level >= 1 ? 65535 : (int) Math.round(level * 65535);
    }
}
