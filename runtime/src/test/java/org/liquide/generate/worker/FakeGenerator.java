package org.liquide.generate.worker;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.engine.ProviderChoice;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A generator for worker tests: paints a flat colour, and can be told to throw or hang. */
final class FakeGenerator implements ImageGenerator {
    enum Behaviour { WORK, THROW, STALL, HANG, OUT_OF_MEMORY }

    final String name;
    final int shade;
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch interrupted = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    /** Lets a {@link Behaviour#HANG} call return (it ignores interrupts, like native code deep in a model). */
    final CountDownLatch unhang = new CountDownLatch(1);
    volatile Behaviour behaviour;
    volatile int failAfter;
    volatile float lastStrength = Float.NaN;
    volatile long failedAtNanos;
    volatile ProviderChoice provider = ProviderChoice.direct("test");
    /** What {@link #imagesBehind()} says, as a stream batch would. */
    volatile int behind;

    FakeGenerator(String name, int shade, Behaviour behaviour, int failAfter) {
        this.name = name;
        this.shade = shade;
        this.behaviour = behaviour;
        this.failAfter = failAfter;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return provider.used();
    }

    @Override
    public ProviderChoice provider() {
        return provider;
    }

    @Override
    public int imagesBehind() {
        return behind;
    }

    @Override
    public void generate(VideoFrame input, GenerationParams params, VideoFrame output) {
        int call = calls.incrementAndGet();
        lastStrength = params.strength();
        if (call > failAfter) {
            failedAtNanos = System.nanoTime();
            switch (behaviour) {
                case THROW -> throw new IllegalStateException("model exploded");
                case OUT_OF_MEMORY -> throw new OutOfMemoryError("Failed to allocate memory for requested buffer");
                case STALL -> {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return;
                }
                case HANG -> {
                    boolean released = false;
                    while (!released) {
                        try {
                            released = unhang.await(1, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                        }
                    }
                    return;
                }
                case WORK -> {
                }
            }
        }
        ByteBuffer pixels = output.reshape(8, 8, 24, PixelFormat.RGB24);
        for (int i = 0; i < 8 * 24; i++) {
            pixels.put(i, (byte) shade);
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
