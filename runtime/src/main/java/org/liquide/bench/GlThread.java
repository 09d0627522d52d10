package org.liquide.bench;

import org.liquide.render.gl.EglOffscreenContext;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a task on a new thread holding its own offscreen OpenGL context (created and closed there). */
final class GlThread {
    private GlThread() {
    }

    static <T> T call(String name, Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("liquide-bench-" + name).unstarted(() -> {
            try (EglOffscreenContext context = EglOffscreenContext.create()) {
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
