package org.liquide.hardware.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/** Plays systemd's side of NOTIFY_SOCKET in tests: a bound Unix datagram socket. */
public final class UnixDatagramReceiver implements AutoCloseable {
    private static final int MSG_DONTWAIT = 0x40;
    private final Arena arena = Arena.ofShared();
    private final MethodHandle recv;
    private final MethodHandle close;
    private final int socket;

    public UnixDatagramReceiver(Path path) throws Throwable {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        MethodHandle socketCall = linker.downcallHandle(libc.find("socket").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        MethodHandle bind = linker.downcallHandle(libc.find("bind").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        recv = linker.downcallHandle(libc.find("recv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        close = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        socket = (int) socketCall.invokeExact(1, 2, 0);
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        MemorySegment address = arena.allocate(110);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) 1);
        MemorySegment.copy(name, 0, address, ValueLayout.JAVA_BYTE, 2, name.length);
        int bound = (int) bind.invokeExact(socket, address, 2 + name.length + 1);
        if (bound != 0) {
            throw new IllegalStateException("bind failed for " + path);
        }
    }

    /** The next datagram, or null after the timeout. */
    public String receive(long timeoutMillis) throws Throwable {
        MemorySegment buffer = arena.allocate(4096);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            long n = (long) recv.invokeExact(socket, buffer, 4096L, MSG_DONTWAIT);
            if (n > 0) {
                byte[] bytes = buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            LockSupport.parkNanos(2_000_000L);
        }
        return null;
    }

    /**
     * Receives until {@code message} has come {@code times} times, each within {@code eachWithin}; other
     * messages between them (a {@code STATUS=} line when a loaded machine held a beat) are kept too.
     * Everything received, in order: fewer than {@code times} matches when one did not come in time.
     */
    public java.util.List<String> receiveUntil(String message, int times, java.time.Duration eachWithin) throws Throwable {
        java.util.List<String> received = new java.util.ArrayList<>();
        int seen = 0;
        while (seen < times) {
            String next = receive(eachWithin.toMillis());
            if (next == null) {
                break;
            }
            received.add(next);
            seen += next.equals(message) ? 1 : 0;
        }
        return received;
    }

    @Override
    public void close() throws Exception {
        try {
            int ignored = (int) close.invokeExact(socket);
        } catch (Throwable e) {
            throw new Exception(e);
        }
        arena.close();
    }
}
