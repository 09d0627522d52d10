package org.liquide.render.gl;

import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.glfw.GLFWVidMode;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.PointerBuffer;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.glGetString;

/**
 * A GLFW window, fullscreen on a chosen monitor or windowed, with an EGL-created OpenGL core context
 * and vertical sync.
 */
public final class GlfwWindowContext implements GlContext {
    private final long window;
    private final String description;
    private volatile int framebufferWidth;
    private volatile int framebufferHeight;

    /** Where and how to open the window. */
    public record WindowSpec(String title, int width, int height, boolean fullscreen, String monitor) {
    }

    private GlfwWindowContext(long window, String description, int width, int height) {
        this.window = window;
        this.description = description;
        this.framebufferWidth = width;
        this.framebufferHeight = height;
        glfwSetFramebufferSizeCallback(window, (w, fbWidth, fbHeight) -> {
            framebufferWidth = fbWidth;
            framebufferHeight = fbHeight;
        });
    }

    /** True when GLFW can reach a display (X11 or Wayland). Initialises GLFW when it can. */
    public static boolean displayAvailable() {
        String x11 = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((x11 == null || x11.isBlank()) && (wayland == null || wayland.isBlank())) {
            return false;
        }
        glfwSetErrorCallback(null);
        return glfwInit();
    }

    /** Names of the connected monitors, in GLFW's order (index 0 is the primary one). */
    public static List<String> monitorNames() {
        List<String> names = new ArrayList<>();
        PointerBuffer monitors = glfwGetMonitors();
        if (monitors != null) {
            for (int i = 0; i < monitors.limit(); i++) {
                names.add(glfwGetMonitorName(monitors.get(i)));
            }
        }
        return names;
    }

    /** Opens the window and makes its context current on the calling thread. GLFW must be initialised. */
    public static GlfwWindowContext create(WindowSpec spec) {
        return create(spec, null);
    }

    /**
     * Opens another window whose context shares textures and programs with {@code primary}'s (one more
     * display of the same show), current on the calling thread afterwards. Only the primary window waits
     * for vertical sync, so several windows do not divide the frame rate.
     */
    public static GlfwWindowContext createShared(WindowSpec spec, GlfwWindowContext primary) {
        return create(spec, primary);
    }

    private static GlfwWindowContext create(WindowSpec spec, GlfwWindowContext share) {
        GLFWErrorCallback.createPrint(System.err).set();
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
        glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);

        long monitor = spec.fullscreen() ? findMonitor(spec.monitor()) : 0L;
        int width = spec.width();
        int height = spec.height();
        if (monitor != 0L) {
            GLFWVidMode mode = glfwGetVideoMode(monitor);
            if (mode != null) {
                width = mode.width();
                height = mode.height();
                glfwWindowHint(GLFW_REFRESH_RATE, mode.refreshRate());
            }
        }
        long window = glfwCreateWindow(width, height, spec.title(), monitor, share == null ? 0L : share.window);
        if (window == 0L) {
            throw new GlException("GLFW could not open a " + width + "x" + height + " window with an OpenGL 3.3 core context");
        }
        glfwMakeContextCurrent(window);
        GlFunctions.loadOnce();
        GLCapabilities gl = share == null ? GL.createCapabilities() : GL.getCapabilities();
        if (!gl.OpenGL33) {
            glfwDestroyWindow(window);
            throw new GlException("OpenGL 3.3 core is needed, found " + glGetString(GL_VERSION));
        }
        glfwSwapInterval(share == null ? 1 : 0);
        if (monitor != 0L) {
            glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer fbWidth = stack.mallocInt(1);
            IntBuffer fbHeight = stack.mallocInt(1);
            glfwGetFramebufferSize(window, fbWidth, fbHeight);
            String where = monitor != 0L ? "fullscreen on " + glfwGetMonitorName(monitor) : "windowed";
            String description = "window through GLFW, " + where + " (" + glGetString(GL_RENDERER)
                    + ", OpenGL " + glGetString(GL_VERSION) + ", vsync)";
            return new GlfwWindowContext(window, description, fbWidth.get(0), fbHeight.get(0));
        }
    }

    /** A monitor by index ("1") or by a part of its name ("DELL"); the primary one when empty. */
    private static long findMonitor(String wanted) {
        PointerBuffer monitors = glfwGetMonitors();
        if (monitors == null || monitors.limit() == 0) {
            throw new GlException("no monitor is connected");
        }
        if (wanted == null || wanted.isBlank()) {
            return glfwGetPrimaryMonitor();
        }
        if (wanted.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(wanted);
            if (index >= monitors.limit()) {
                throw new GlException("no monitor " + index + "; connected: " + monitorNames());
            }
            return monitors.get(index);
        }
        for (int i = 0; i < monitors.limit(); i++) {
            String name = glfwGetMonitorName(monitors.get(i));
            if (name != null && name.toLowerCase().contains(wanted.toLowerCase())) {
                return monitors.get(i);
            }
        }
        throw new GlException("no monitor named '" + wanted + "'; connected: " + monitorNames());
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean presentsToScreen() {
        return true;
    }

    @Override
    public int surfaceWidth() {
        return framebufferWidth;
    }

    @Override
    public int surfaceHeight() {
        return framebufferHeight;
    }

    @Override
    public void present() {
        glfwSwapBuffers(window);
        glfwPollEvents();
    }

    /** Makes this window's context current on the calling (render) thread. */
    public void makeCurrent() {
        glfwMakeContextCurrent(window);
    }

    /** Shows the back buffer without handling events (for secondary windows; the primary polls). */
    public void swap() {
        glfwSwapBuffers(window);
    }

    /** Closes a secondary window, leaving GLFW running for the others. */
    public void closeWindow() {
        glfwDestroyWindow(window);
    }

    @Override
    public boolean closeRequested() {
        return glfwWindowShouldClose(window);
    }

    @Override
    public void close() {
        glfwMakeContextCurrent(0L);
        glfwDestroyWindow(window);
        glfwTerminate();
    }
}
