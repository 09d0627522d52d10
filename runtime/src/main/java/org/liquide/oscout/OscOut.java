package org.liquide.oscout;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.argument.OSCTimeTag64;
import org.liquide.net.UdpLink;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OSC out: tells sound and light software what the show does and what its signals read. Events
 * ({@code /liquide/scene <name>}, {@code /liquide/blackout <0|1>}, {@code /liquide/sleep},
 * {@code /liquide/wake}, {@code /liquide/cue <scene> <index> <seconds>}) go to every target with
 * {@code events}, in the order they happened, in bundles time-tagged with when the first of them
 * happened. Each target's signals go {@code rate} times a second in one bundle time-tagged with when they
 * were read: raw as {@code /liquide/signal/<name>} with every channel, or mapped on their own address.
 *
 * <p>Everything is sent from this class's thread ({@code liquide-osc-out}). Callers only queue: an event
 * is offered to a bounded queue (dropped and counted when 256 wait), so the render thread (storyboard
 * cues) and the show's other threads never wait on the network.
 */
public final class OscOut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OscOut.class);
    private static final int MAX_PACKET = 8192;
    private static final int QUEUE = 256;

    private record Timed(OSCMessage message, Instant at) {
    }

    private final SignalBus bus;
    private final Clock clock;
    private final OscTarget[] targets;
    private final UdpLink[] links;
    private final long[] nextSignalsNanos;
    private final Signal[][] signals;
    private final BlockingQueue<Timed> events = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET);
    private final OSCSerializer serializer = new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buffer));
    private final SignalSample sample = new SignalSample();
    private final Thread thread;
    private volatile boolean running = true;

    public OscOut(List<OscTarget> targets, SignalBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
        this.targets = targets.toArray(OscTarget[]::new);
        this.links = targets.stream().map(t -> new UdpLink("OSC out", t.host(), t.port())).toArray(UdpLink[]::new);
        this.nextSignalsNanos = new long[links.length];
        this.signals = new Signal[links.length][];
        for (int i = 0; i < links.length; i++) {
            signals[i] = this.targets[i].signals().stream().map(s -> bus.signal(s.signal())).toArray(Signal[]::new);
        }
        this.thread = Thread.ofPlatform().name("liquide-osc-out").daemon().unstarted(this::loop);
    }

    public OscOut start() {
        thread.start();
        for (OscTarget target : targets) {
            LOG.info("OSC out: sending to udp {} ({}{} signal{} at {}/s)", target.name(),
                    target.events() ? "events, " : "", target.signals().size(),
                    target.signals().size() == 1 ? "" : "s", target.rate());
        }
        return this;
    }

    public void sceneChanged(String scene) {
        offer(new OSCMessage("/liquide/scene", List.of(scene)));
    }

    public void blackout(boolean on) {
        offer(new OSCMessage("/liquide/blackout", List.of(on ? 1 : 0)));
    }

    public void asleep(boolean asleep) {
        offer(new OSCMessage(asleep ? "/liquide/sleep" : "/liquide/wake"));
    }

    /** A storyboard cue fired (render thread: only queues). */
    public void cue(String scene, int index, double atSeconds) {
        offer(new OSCMessage("/liquide/cue", List.of(scene, index, (float) atSeconds)));
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Whether the target named host:port took the last packets (false while it is down). */
    public boolean reachable(String target) {
        for (int i = 0; i < targets.length; i++) {
            if (targets[i].name().equals(target)) {
                return links[i].reachable();
            }
        }
        throw new IllegalArgumentException("no OSC out target " + target);
    }

    private void offer(OSCMessage message) {
        if (!events.offer(new Timed(message, clock.instant()))) {
            dropped.incrementAndGet();
        }
    }

    private void loop() {
        List<Timed> batch = new ArrayList<>();
        while (running) {
            long now = System.nanoTime();
            long wait = TimeUnit.SECONDS.toNanos(1);
            for (int i = 0; i < links.length; i++) {
                if (signals[i].length > 0) {
                    wait = Math.min(wait, nextSignalsNanos[i] - now);
                }
            }
            try {
                Timed first = events.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    events.drainTo(batch);
                    sendEvents(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                return;
            }
            now = System.nanoTime();
            for (int i = 0; i < links.length; i++) {
                if (signals[i].length > 0 && now - nextSignalsNanos[i] >= 0) {
                    // the next bundle is due a period after this one's time tag, so that tags are never closer
                    nextSignalsNanos[i] = sendSignals(i) + (long) (1e9 / targets[i].rate());
                }
            }
        }
    }

    private void sendEvents(List<Timed> batch) {
        List<OSCPacket> messages = new ArrayList<>(batch.size());
        batch.forEach(t -> messages.add(t.message()));
        OSCBundle bundle = new OSCBundle(messages, timeTag(batch.getFirst().at()));
        if (!serialize(bundle)) {
            return;
        }
        long now = System.nanoTime();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i].events()) {
                links[i].send(buffer.duplicate(), now);
            }
        }
    }

    /** Sends the target's signals; returns {@link System#nanoTime()} at the moment its time tag was read. */
    private long sendSignals(int index) {
        List<OscSignalOut> wanted = targets[index].signals();
        List<OSCPacket> messages = new ArrayList<>(wanted.size());
        for (int s = 0; s < wanted.size(); s++) {
            if (!signals[index][s].read(sample)) {
                continue; // nothing received yet: nothing to tell
            }
            OscSignalOut out = wanted.get(s);
            List<Object> arguments = new ArrayList<>(sample.channels());
            if (out.mapped()) {
                arguments.add((float) out.map(sample.value(0)));
            } else {
                for (int c = 0; c < sample.channels(); c++) {
                    arguments.add((float) sample.value(c));
                }
            }
            messages.add(new OSCMessage(out.address(), arguments));
        }
        long now = System.nanoTime();
        Instant at = clock.instant();
        if (!messages.isEmpty() && serialize(new OSCBundle(messages, timeTag(at)))) {
            links[index].send(buffer, now);
        }
        return now;
    }

    /**
     * An OSC time tag: NTP seconds since 1900 in the high 32 bits, the fraction of a second in the low 32.
     * (JavaOSC 0.8's own conversion from an Instant does not count from 1900.)
     */
    static OSCTimeTag64 timeTag(Instant at) {
        long seconds = at.getEpochSecond() + NTP_EPOCH_OFFSET;
        long fraction = (long) (at.getNano() / 1e9 * 4294967296.0);
        return OSCTimeTag64.valueOf(seconds << 32 | fraction);
    }

    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    /** Writes the packet into {@link #buffer}, flipped for sending; false (logged) when it does not fit. */
    private boolean serialize(OSCPacket packet) {
        buffer.clear();
        try {
            serializer.write(packet);
        } catch (OSCSerializeException | RuntimeException e) {
            LOG.warn("OSC out: a packet could not be written ({}); skipped", e.getMessage());
            return false;
        }
        buffer.flip();
        return true;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (UdpLink link : links) {
            link.close();
        }
    }
}
