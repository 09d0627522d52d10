package org.liquide.render;

import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The compositor's shader variants (and its layer-run programs) of one GL context, compiled the first time a layer needs one and shared
 * by every compositor of that context: a scene change makes new compositors, not new programs. Render
 * thread only; looking a variant up allocates nothing.
 */
final class CompositorPrograms {
    /** Per context (its capabilities object lives as long as the context is in use). */
    private static final Map<GLCapabilities, CompositorPrograms> BY_CONTEXT = new WeakHashMap<>();

    private final CompositorProgram[] variants = new CompositorProgram[CompositorProgram.VARIANTS];
    private final LayerRunProgram[] runs = new LayerRunProgram[LayerRunProgram.KEYS];

    private CompositorPrograms() {
    }

    /** The variants of the context current on this thread. */
    static CompositorPrograms current() {
        GLCapabilities context = GL.getCapabilities();
        synchronized (BY_CONTEXT) {
            return BY_CONTEXT.computeIfAbsent(context, c -> new CompositorPrograms());
        }
    }

    /** The variant, compiled now if no compositor of this context used it yet. */
    CompositorProgram get(int variant) {
        CompositorProgram program = variants[variant];
        if (program == null) {
            program = CompositorProgram.compile(variant);
            variants[variant] = program;
        }
        return program;
    }

    /** The program for a run of layers ({@link LayerRunProgram#key}), compiled now if no compositor used it yet. */
    LayerRunProgram run(int key) {
        LayerRunProgram program = runs[key];
        if (program == null) {
            program = LayerRunProgram.compile(key);
            runs[key] = program;
        }
        return program;
    }
}
