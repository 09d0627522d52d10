package org.liquide.render.gl;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.IntBuffer;

import static org.lwjgl.egl.EGL10.eglGetProcAddress;

/**
 * The EGL client extensions used to choose a headless display (EXT_platform_base,
 * EXT_device_enumeration, EXT_device_query), called through {@code eglGetProcAddress}: under libglvnd,
 * LWJGL's client capabilities leave these entry points unset.
 */
final class EglClientFunctions {
    private final long getPlatformDisplay;
    private final long queryDevices;
    private final long queryDeviceString;

    EglClientFunctions() {
        this.getPlatformDisplay = eglGetProcAddress("eglGetPlatformDisplayEXT");
        this.queryDevices = eglGetProcAddress("eglQueryDevicesEXT");
        this.queryDeviceString = eglGetProcAddress("eglQueryDeviceStringEXT");
    }

    boolean canEnumerateDevices() {
        return queryDevices != 0L && queryDeviceString != 0L && getPlatformDisplay != 0L;
    }

    boolean canGetPlatformDisplay() {
        return getPlatformDisplay != 0L;
    }

    long getPlatformDisplay(int platform, long nativeDisplay) {
        return JNI.callPPP(platform, nativeDisplay, MemoryUtil.NULL, getPlatformDisplay);
    }

    /** The EGL devices, or an empty array. */
    long[] queryDevices() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            if (JNI.callPPI(0, MemoryUtil.NULL, MemoryUtil.memAddress(count), queryDevices) == 0 || count.get(0) == 0) {
                return new long[0];
            }
            PointerBuffer devices = stack.mallocPointer(count.get(0));
            if (JNI.callPPI(count.get(0), MemoryUtil.memAddress(devices), MemoryUtil.memAddress(count), queryDevices) == 0) {
                return new long[0];
            }
            long[] result = new long[count.get(0)];
            for (int i = 0; i < result.length; i++) {
                result[i] = devices.get(i);
            }
            return result;
        }
    }

    String queryDeviceString(long device, int name) {
        long text = JNI.callPP(device, name, queryDeviceString);
        return text == MemoryUtil.NULL ? "" : MemoryUtil.memASCII(text);
    }
}
