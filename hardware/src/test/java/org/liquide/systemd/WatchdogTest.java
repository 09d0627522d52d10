package org.liquide.systemd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.UnixDatagramReceiver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class WatchdogTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void notificationsReachSystemdsSocket() throws Throwable {
        Path socket = dir.resolve("notify.sock");
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket);
             SystemdNotifier notifier = SystemdNotifier.forSocket(socket.toString()).orElseThrow()) {
            assertTrue(notifier.send("READY=1"));
            assertEquals("READY=1", systemd.receive(2000));
            assertTrue(notifier.send("STATUS=showing hybridation"));
            assertEquals("STATUS=showing hybridation", systemd.receive(2000));
        }
    }

    @Test
    void withoutANotifySocketNothingIsSent() {
        assertTrue(SystemdNotifier.forSocket(null).isEmpty());
        assertTrue(SystemdNotifier.forSocket("").isEmpty());
    }

    @Test
    void aHealthyRenderThreadIsPingedAStalledOneIsReportedOnceAndNotPinged() throws Throwable {
        Path socket = dir.resolve("watchdog.sock");
        AtomicLong now = new AtomicLong(100 * SECOND);
        AtomicLong heartbeat = new AtomicLong(now.get());
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket);
             HeartbeatWatchdog watchdog = new HeartbeatWatchdog("render thread", heartbeat::get, Duration.ofSeconds(3), Duration.ofSeconds(1),
                     SystemdNotifier.forSocket(socket.toString()), now::get)) {
            watchdog.check();
            assertEquals("WATCHDOG=1", systemd.receive(2000));

            now.addAndGet(5 * SECOND);
            watchdog.check();
            assertTrue(watchdog.stalled());
            assertEquals("STATUS=render thread stalled", systemd.receive(2000));
            now.addAndGet(SECOND);
            watchdog.check();
            assertNull(systemd.receive(200), "no ping while stalled: systemd will restart the process");
            assertEquals(1, watchdog.stallsSeen(), "reported once");

            heartbeat.set(now.get());
            watchdog.check();
            assertFalse(watchdog.stalled());
            assertEquals("WATCHDOG=1", systemd.receive(2000));
        }
    }

    @Test
    void theThreadDumpNamesEveryThreadWithItsStack() {
        String dump = HeartbeatWatchdog.threadDump();
        assertTrue(dump.contains("\"" + Thread.currentThread().getName() + "\""), dump);
        assertTrue(dump.contains("org.liquide.systemd.HeartbeatWatchdog.threadDump("), dump);
    }
}
