package org.liquide.systemd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Talks to systemd's notification socket ({@code NOTIFY_SOCKET}), as a {@code Type=notify} unit
 * expects: READY=1 once the show is up, WATCHDOG=1 as the render heartbeat, STATUS= lines, STOPPING=1.
 * The socket is a Unix datagram socket, which the JDK's channels do not offer, so it is reached
 * through the Foreign Function API (libc socket/sendto). Without NOTIFY_SOCKET it does nothing.
 */
public final class SystemdNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int SUN_PATH_LENGTH = 108;

    private final Arena arena = Arena.ofShared();
    private final MethodHandle sendto;
    private final MethodHandle close;
    private final int socket;
    private final MemorySegment address;
    private final long addressLength;

    private SystemdNotifier(String socketPath) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle socketCall = linker.downcallHandle(libc.find("socket").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        this.sendto = linker.downcallHandle(libc.find("sendto").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        this.close = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        byte[] path = socketPath.getBytes(StandardCharsets.UTF_8);
        if (path.length >= SUN_PATH_LENGTH) {
            throw new IllegalArgumentException("NOTIFY_SOCKET path too long");
        }
        if (path[0] == '@') {
            path[0] = 0;
        }
        this.address = arena.allocate(2 + SUN_PATH_LENGTH);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(path, 0, address, ValueLayout.JAVA_BYTE, 2, path.length);
        this.addressLength = 2L + path.length + (path[0] == 0 ? 0 : 1);
        this.socket = (int) socketCall.invokeExact(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (socket < 0) {
            throw new IllegalStateException("socket(AF_UNIX, SOCK_DGRAM) failed");
        }
    }

    /** A notifier when running under systemd with a notification socket, else empty. */
    public static Optional<SystemdNotifier> fromEnvironment() {
        return forSocket(System.getenv("NOTIFY_SOCKET"));
    }

    static Optional<SystemdNotifier> forSocket(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SystemdNotifier(path));
        } catch (Throwable e) {
            LOG.warn("systemd notification socket {} unusable: {}", path, e.toString());
            return Optional.empty();
        }
    }

    /** The watchdog interval systemd expects pings within ({@code WATCHDOG_USEC}), if any. */
    public static Optional<java.time.Duration> watchdogInterval() {
        String usec = System.getenv("WATCHDOG_USEC");
        try {
            return usec == null ? Optional.empty() : Optional.of(java.time.Duration.ofNanos(Long.parseLong(usec) * 1000));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Sends one notification such as {@code READY=1} or {@code WATCHDOG=1}; returns whether it went out. */
    public synchronized boolean send(String state) {
        byte[] bytes = state.getBytes(StandardCharsets.UTF_8);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment message = call.allocate(bytes.length);
            MemorySegment.copy(bytes, 0, message, ValueLayout.JAVA_BYTE, 0, bytes.length);
            long sent = (long) sendto.invokeExact(socket, message, (long) bytes.length, MSG_NOSIGNAL, address, (int) addressLength);
            return sent == bytes.length;
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            int ignored = (int) close.invokeExact(socket);
        } catch (Throwable e) {
            LOG.debug("closing the notification socket", e);
        }
        arena.close();
    }
}
