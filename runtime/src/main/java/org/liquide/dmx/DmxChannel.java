package org.liquide.dmx;

/**
 * A named DMX channel that mappings move as {@code dmx.<name>}: a level from 0 to 1 sent as 0 to 255, or
 * as 0 to 65535 on two slots (coarse at {@code address}, fine at {@code address + 1}) when {@code fine}.
 *
 * @param address  the first slot, 1 to 512 as lighting desks number them
 * @param initial  the level sent from the start until a mapping moves it
 * @param safe     the level sent during a blackout and while the show sleeps (house lights on, say)
 */
public record DmxChannel(String name, int universe, int address, boolean fine, double initial, double safe) {
    /** The last slot the channel uses. */
    public int lastAddress() {
        return fine ? address + 1 : address;
    }
}
