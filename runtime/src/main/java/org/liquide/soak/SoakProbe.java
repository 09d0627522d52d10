package org.liquide.soak;

import org.liquide.log.LogTail;
import org.liquide.render.RenderLoop;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes one {@link SoakSample} a second from outside the show: the heap, the live heap, the process's
 * resident and native memory, frames and the longest frame interval, warnings logged. The live heap is measured
 * after a full collection asked for every {@value #LIVE_HEAP_EVERY_SECONDS} s: with a concurrent collector
 * the heap "after collection" includes what was allocated while it ran, and would hide or fake a leak.
 */
final class SoakProbe implements AutoCloseable {
    private static final double MIB = 1024 * 1024;
    static final int LIVE_HEAP_EVERY_SECONDS = 15;

    private final RenderLoop loop;
    private final LogTail log;
    private final Supplier<String> scene;
    private final long startNanos;
    private final ScheduledExecutorService ticker;
    private final List<SoakSample> samples = new ArrayList<>();
    private final float[] intervals = new float[600];
    private long lastFrames;
    private long lastLogSeq = -1;
    private long ticks;
    private double liveHeapMiB = Double.NaN;

    SoakProbe(RenderLoop loop, LogTail log, Supplier<String> scene, long startNanos) {
        this.loop = loop;
        this.log = log;
        this.scene = scene;
        this.startNanos = startNanos;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("liquide-soak-probe").daemon().unstarted(r));
    }

    SoakProbe start() {
        ticker.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    synchronized List<SoakSample> samples() {
        return List.copyOf(samples);
    }

    private void sample() {
        long now = System.nanoTime();
        long frames = loop.framesRendered();
        long fresh = frames - lastFrames;
        lastFrames = frames;
        int count = loop.frameTimes().recentIntervalsMillis(intervals);
        double longest = 0;
        for (int i = Math.max(0, count - (int) Math.min(fresh, count)); i < count; i++) {
            longest = Math.max(longest, intervals[i]);
        }
        long last = loop.lastFrameNanos();
        if (last != 0) {
            longest = Math.max(longest, (now - last) / 1e6);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        if (ticks++ % LIVE_HEAP_EVERY_SECONDS == 0) {
            System.gc(); // ZGC: a full concurrent cycle; the render thread is not paused for it
            liveHeapMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
        }
        ProcessMemory memory = ProcessMemory.now();
        SoakSample sample = new SoakSample((now - startNanos) / 1e9, heap.getUsed() / MIB, liveHeapMiB,
                memory.residentMiB(), memory.nativeMiB(), frames, fresh, longest, newWarnings(), scene.get());
        synchronized (this) {
            samples.add(sample);
        }
    }

    private int newWarnings() {
        int count = 0;
        for (LogTail.Line line : log.last(log.capacity())) {
            if (line.seq() > lastLogSeq) {
                lastLogSeq = line.seq();
                if (line.level().equals("WARN") || line.level().equals("ERROR")) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
