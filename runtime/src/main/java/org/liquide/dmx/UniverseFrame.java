package org.liquide.dmx;

import java.util.ArrayList;
import java.util.List;

/**
 * The 512 slots of one universe, composed from the channel levels and their safe levels: {@code safeMix} 0 sends
 * what the mappings set, 1 the safe levels (blackout, sleep), in between a fade. Slots no channel names are 0.
 * Used by the DMX thread only.
 */
final class UniverseFrame {
    static final int SLOTS = 512;

    final int universe;
    final byte[] slots = new byte[SLOTS];
    private final int[] indices;
    private final DmxChannel[] channels;
    private final int[] safe;

    UniverseFrame(int universe, List<DmxChannel> all) {
        this.universe = universe;
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).universe() == universe) {
                mine.add(i);
            }
        }
        this.indices = mine.stream().mapToInt(Integer::intValue).toArray();
        this.channels = mine.stream().map(all::get).toArray(DmxChannel[]::new);
        this.safe = mine.stream().mapToInt(i -> DmxLevels.sixteenBits(all.get(i).safe())).toArray();
    }

    void compose(DmxLevels levels, double safeMix) {
        for (int k = 0; k < indices.length; k++) {
            int live = levels.get(indices[k]);
            int value = safeMix <= 0 ? live : safeMix >= 1 ? safe[k] : (int) Math.round(live + (safe[k] - live) * safeMix);
            DmxChannel channel = channels[k];
            if (channel.fine()) {
                slots[channel.address() - 1] = (byte) (value >> 8);
                slots[channel.address()] = (byte) value;
            } else {
                slots[channel.address() - 1] = (byte) Math.round(value / 257.0);
            }
        }
    }
}
