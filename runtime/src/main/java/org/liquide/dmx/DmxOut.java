package org.liquide.dmx;

import org.liquide.net.UdpLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * DMX out: every target gets the whole universe it receives, {@code rate} times a second, as Art-Net ArtDmx or
 * E1.31 data packets, sent unicast to the host the configuration names (nothing else is opened: no broadcast, no
 * polling, no listening socket). Levels come from {@link DmxLevels}, which mappings set as targets {@code dmx.<name>};
 * a blackout or sleep fades every channel to its safe level in a second, and back.
 *
 * <p>Everything is sent from this class's thread ({@code liquide-dmx}); the others only set levels and flags, which
 * the next frame reads (latest wins). A target that disappears degrades as {@link UdpLink} does: logged once, retried,
 * the show goes on. On close, sACN receivers are told the stream ends (three packets with Stream_Terminated, as E1.31
 * asks) so that they release the universe at once.
 */
public final class DmxOut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DmxOut.class);
    private static final double FADE_SECONDS = 1.0;
    private static final int SACN_PRIORITY = 100;

    private final DmxConfig config;
    private final DmxLevels levels;
    private final UdpLink[] links;
    /** The frame each target sends (targets of one universe share it), and each universe's frame once. */
    private final UniverseFrame[] frames;
    private final UniverseFrame[] universes;
    private final int[] sequences;
    private final UUID cid;
    private final String sourceName;
    private final ByteBuffer buffer = ByteBuffer.allocate(E131Data.HEADER + UniverseFrame.SLOTS);
    private final Thread thread;
    private volatile boolean blackout;
    private volatile boolean asleep;
    private volatile boolean running = true;
    private volatile long framesSent;
    private double safeMix;

    /**
     * @param source this runtime as sACN receivers list it: its name, and the seed of its CID, the same at every start
     *               so that receivers see one source across restarts
     */
    public DmxOut(DmxConfig config, DmxLevels levels, String source) {
        this.config = config;
        this.levels = levels;
        this.links = config.targets().stream()
                .map(t -> new UdpLink(t.protocol() == DmxProtocol.ART_NET ? "Art-Net" : "sACN", t.host(), t.port()))
                .toArray(UdpLink[]::new);
        Map<Integer, UniverseFrame> byUniverse = new LinkedHashMap<>();
        this.frames = config.targets().stream()
                .map(t -> byUniverse.computeIfAbsent(t.universe(), u -> new UniverseFrame(u, levels.channels())))
                .toArray(UniverseFrame[]::new);
        this.universes = byUniverse.values().toArray(UniverseFrame[]::new);
        this.sequences = new int[links.length];
        this.cid = UUID.nameUUIDFromBytes(("liquide " + source).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.sourceName = "Liquide " + source;
        this.thread = Thread.ofPlatform().name("liquide-dmx").daemon().unstarted(this::loop);
    }

    public DmxOut start() {
        thread.start();
        for (int i = 0; i < links.length; i++) {
            LOG.info("DMX out: sending {} channel{} to {} at {}/s", channelsIn(frames[i].universe),
                    channelsIn(frames[i].universe) == 1 ? "" : "s", config.targets().get(i).name(), config.rate());
        }
        return this;
    }

    private long channelsIn(int universe) {
        return levels.channels().stream().filter(c -> c.universe() == universe).count();
    }

    /** Blackout on or off: channels fade to their safe levels, or back (any thread; only sets a flag). */
    public void blackout(boolean on) {
        blackout = on;
    }

    /** The show fell asleep or woke: as a blackout. */
    public void asleep(boolean asleep) {
        this.asleep = asleep;
    }

    /** Frames sent so far (one per target per tick). */
    public long framesSent() {
        return framesSent;
    }

    /** Whether the target took the last packets (false while it is down). */
    public boolean reachable(DmxTarget target) {
        int index = config.targets().indexOf(target);
        if (index < 0) {
            throw new IllegalArgumentException("no DMX target " + target.name());
        }
        return links[index].reachable();
    }

    private void loop() {
        long period = (long) (1e9 / config.rate());
        long next = System.nanoTime();
        double step = 1.0 / (config.rate() * FADE_SECONDS);
        while (running) {
            boolean safe = blackout || asleep;
            safeMix = safe ? Math.min(1, safeMix + step) : Math.max(0, safeMix - step);
            sendAll(false);
            next += period;
            long wait = next - System.nanoTime();
            if (wait < -period) {
                next = System.nanoTime(); // late by more than a frame (a pause): start again from now
            } else if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void sendAll(boolean terminated) {
        for (UniverseFrame frame : universes) {
            frame.compose(levels, safeMix);
        }
        long now = System.nanoTime();
        for (int i = 0; i < links.length; i++) {
            DmxTarget target = config.targets().get(i);
            if (terminated && target.protocol() != DmxProtocol.SACN) {
                continue;
            }
            byte[] slots = frames[i].slots;
            switch (target.protocol()) {
                case ART_NET -> {
                    sequences[i] = sequences[i] % 255 + 1; // 1 to 255: 0 would tell the node not to reorder
                    new ArtDmx(sequences[i], 0, target.universe(), slots, UniverseFrame.SLOTS).writeTo(buffer);
                }
                case SACN -> {
                    sequences[i] = (sequences[i] + 1) & 0xff;
                    new E131Data(cid, sourceName, SACN_PRIORITY, sequences[i], terminated, target.universe(), slots,
                            UniverseFrame.SLOTS).writeTo(buffer);
                }
            }
            links[i].send(buffer, now);
        }
        framesSent++;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread); // not an interrupt: it would close a channel in the middle of a send
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            for (int i = 0; i < 3; i++) {
                sendAll(true);
            }
        }
        for (UdpLink link : links) {
            link.close();
        }
    }
}
