package org.liquide.render.gl;

import org.lwjgl.egl.EGL;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.system.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads LWJGL's native libraries (its own, GLFW's, libEGL) while the process still runs one thread. When
 * LWJGL loads a library it looks its path up by walking the loaded objects ({@code dl_iterate_phdr}) and
 * closing a handle inside that walk; a {@code dlopen} on another thread at that moment (OpenCV for vision,
 * FFmpeg for a camera, ONNX Runtime for a model) takes the loader's two locks in the other order, and both
 * threads wait forever: a show stuck before its first frame, its JVM unable to reach a safepoint. Loaded
 * here, before any such thread starts, nothing of LWJGL's is left to load later. A library that cannot be
 * loaded is left for the output that needs it to report.
 */
public final class NativeLibraries {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);

    private NativeLibraries() {
    }

    /** Call first thing in {@code main}, before any thread is started. */
    public static void loadEarly() {
        load("LWJGL", Library::initialize);
        load("GLFW", GLFW::getLibrary);
        load("EGL and OpenGL's entry points", () -> {
            EGL.getCapabilities();
            GlFunctions.loadOnce();
        });
    }

    private static void load(String what, Runnable loading) {
        try {
            loading.run();
        } catch (Throwable e) {
            LOG.debug("{} not loaded early: {}", what, e.toString());
        }
    }
}
