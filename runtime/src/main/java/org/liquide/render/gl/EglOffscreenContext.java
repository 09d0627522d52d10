package org.liquide.render.gl;

import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.egl.EXTPlatformDevice.EGL_PLATFORM_DEVICE_EXT;
import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.glGetString;

/**
 * An OpenGL 3.3+ core context with no window and no surface: frames are drawn into framebuffer
 * objects. On a GPU machine it uses the EGL device platform (NVIDIA's headless path); with Mesa it
 * uses the surfaceless platform (llvmpipe when there is no GPU).
 */
public final class EglOffscreenContext implements GlContext {
    /** From EGL_MESA_platform_surfaceless; LWJGL has no class for it. */
    static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
    private static final long DEFAULT_DISPLAY = 0L;

    private final long display;
    private final long context;
    private final String description;

    private EglOffscreenContext(long display, long context, String description) {
        this.display = display;
        this.context = context;
        this.description = description;
    }

    /** Creates the context and makes it current on the calling thread. */
    public static EglOffscreenContext create() {
        try {
            EGL.getCapabilities();
        } catch (Throwable e) {
            throw new GlException("libEGL could not be loaded (" + e.getMessage() + "); install Mesa's EGL: "
                    + "apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri", e);
        }
        String clientExtensions = Optional.ofNullable(eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS)).orElse("");

        Candidate chosen = pickDisplay(clientExtensions);
        long display = chosen.display();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer major = stack.mallocInt(1);
            IntBuffer minor = stack.mallocInt(1);
            if (!eglInitialize(display, major, minor)) {
                throw new GlException("eglInitialize failed on " + chosen.platform() + ": " + eglErrorName());
            }
            String displayExtensions = Optional.ofNullable(eglQueryString(display, EGL_EXTENSIONS)).orElse("");
            if (!hasAll(displayExtensions, "EGL_KHR_surfaceless_context")) {
                throw new GlException("EGL display on " + chosen.platform() + " lacks EGL_KHR_surfaceless_context");
            }
            if (!eglBindAPI(EGL_OPENGL_API)) {
                throw new GlException("eglBindAPI(EGL_OPENGL_API) failed: " + eglErrorName());
            }
            IntBuffer configAttribs = stack.ints(
                    EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
                    EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                    EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                    EGL_NONE);
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer count = stack.mallocInt(1);
            if (!eglChooseConfig(display, configAttribs, configs, count) || count.get(0) == 0) {
                throw new GlException("no EGL config with OpenGL on " + chosen.platform() + ": " + eglErrorName());
            }
            long context = createCoreContext(display, configs.get(0), stack);
            if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                throw new GlException("eglMakeCurrent (surfaceless) failed: " + eglErrorName());
            }
            GlFunctions.loadOnce();
            GLCapabilities gl = GL.createCapabilities();
            if (!gl.OpenGL33) {
                throw new GlException("OpenGL 3.3 core is needed, found " + glGetString(GL_VERSION));
            }
            String description = "offscreen through EGL " + chosen.platform() + " (" + glGetString(GL_RENDERER)
                    + ", OpenGL " + glGetString(GL_VERSION) + ")";
            return new EglOffscreenContext(display, context, description);
        }
    }

    private record Candidate(long display, String platform) {
    }

    /** Client extensions are read from the string: LWJGL's client capability flags stay false under libglvnd. */
    private static Candidate pickDisplay(String clientExtensions) {
        EglClientFunctions functions = new EglClientFunctions();
        if (hasAll(clientExtensions, "EGL_EXT_device_enumeration", "EGL_EXT_platform_device", "EGL_EXT_device_query")
                && functions.canEnumerateDevices()) {
            Optional<Candidate> hardware = hardwareDevice(functions);
            if (hardware.isPresent()) {
                return hardware.get();
            }
        }
        if (hasAll(clientExtensions, "EGL_EXT_platform_base", "EGL_MESA_platform_surfaceless")
                && functions.canGetPlatformDisplay()) {
            long display = functions.getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, DEFAULT_DISPLAY);
            if (display != EGL_NO_DISPLAY) {
                return new Candidate(display, "surfaceless platform (Mesa)");
            }
        }
        long display = eglGetDisplay(DEFAULT_DISPLAY);
        if (display == EGL_NO_DISPLAY) {
            throw new GlException("no EGL display: neither a GPU device, Mesa's surfaceless platform nor a default display");
        }
        return new Candidate(display, "default display");
    }

    private static boolean hasAll(String extensions, String... names) {
        List<String> present = Arrays.asList(extensions.split(" "));
        return present.containsAll(Arrays.asList(names));
    }

    /** A GPU exposed through EGL_EXT_device_enumeration, skipping Mesa's software device. */
    private static Optional<Candidate> hardwareDevice(EglClientFunctions functions) {
        long[] devices = functions.queryDevices();
        for (int i = 0; i < devices.length; i++) {
            String extensions = functions.queryDeviceString(devices[i], EGL_EXTENSIONS);
            if (extensions.contains("EGL_MESA_device_software")) {
                continue;
            }
            long display = functions.getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, devices[i]);
            if (display != EGL_NO_DISPLAY) {
                return Optional.of(new Candidate(display, "device platform (GPU " + i + ")"));
            }
        }
        return Optional.empty();
    }

    private static long createCoreContext(long display, long config, MemoryStack stack) {
        int[][] versions = {{4, 6}, {4, 5}, {4, 3}, {4, 1}, {3, 3}};
        for (int[] version : versions) {
            IntBuffer attribs = stack.ints(
                    EGL_CONTEXT_MAJOR_VERSION, version[0],
                    EGL_CONTEXT_MINOR_VERSION, version[1],
                    EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                    EGL_NONE);
            long context = eglCreateContext(display, config, EGL_NO_CONTEXT, attribs);
            if (context != EGL_NO_CONTEXT) {
                return context;
            }
        }
        throw new GlException("no OpenGL 3.3+ core context could be created: " + eglErrorName());
    }

    static String eglErrorName() {
        int error = eglGetError();
        return switch (error) {
            case EGL_SUCCESS -> "EGL_SUCCESS";
            case EGL_NOT_INITIALIZED -> "EGL_NOT_INITIALIZED";
            case EGL_BAD_ACCESS -> "EGL_BAD_ACCESS";
            case EGL_BAD_ALLOC -> "EGL_BAD_ALLOC";
            case EGL_BAD_ATTRIBUTE -> "EGL_BAD_ATTRIBUTE";
            case EGL_BAD_CONFIG -> "EGL_BAD_CONFIG";
            case EGL_BAD_CONTEXT -> "EGL_BAD_CONTEXT";
            case EGL_BAD_DISPLAY -> "EGL_BAD_DISPLAY";
            case EGL_BAD_MATCH -> "EGL_BAD_MATCH";
            case EGL_BAD_PARAMETER -> "EGL_BAD_PARAMETER";
            default -> "EGL error 0x" + Integer.toHexString(error);
        };
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean presentsToScreen() {
        return false;
    }

    @Override
    public int surfaceWidth() {
        return 0;
    }

    @Override
    public int surfaceHeight() {
        return 0;
    }

    @Override
    public void present() {
        // Nothing to show: the frame stays in its framebuffer object for snapshots and previews.
    }

    @Override
    public boolean closeRequested() {
        return false;
    }

    @Override
    public void close() {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        eglTerminate(display);
    }
}
