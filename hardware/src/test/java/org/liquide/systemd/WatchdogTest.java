package org.liquide.systemd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.CapturedLog;
import org.liquide.hardware.testing.UnixDatagramReceiver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    void onALoadedMachineTheStacksAreLoggedOnceAndTheStallsCounted() {
        AtomicLong now = new AtomicLong(100 * SECOND);
        AtomicLong heartbeat = new AtomicLong(now.get());
        try (CapturedLog log = CapturedLog.of(HeartbeatWatchdog.class);
             HeartbeatWatchdog watchdog = new HeartbeatWatchdog("render thread", heartbeat::get, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Optional.empty(), now::get)) {
            for (int stall = 0; stall < 60; stall++) { // 8 minutes of frames 8 s apart
                long beat = now.get();
                heartbeat.set(beat);
                for (int second = 1; second <= 8; second++) { // one check a second; frames come 8 s apart
                    now.addAndGet(SECOND);
                    watchdog.check();
                }
                heartbeat.set(beat + 8 * SECOND);
                watchdog.check();
            }
            assertEquals(60, watchdog.stallsSeen());
            assertEquals(1, watchdog.stackDumps(), "the stacks once for the episode");
            List<String> lines = log.messages();
            assertEquals(1, lines.stream().filter(line -> line.contains("thread stacks follow")).count());
            assertEquals(61, lines.size(), "the stacks, then one line each time the thread came back");
            assertEquals("watchdog: render thread beating again after 8000 ms silent (4 checks without a beat)", lines.get(1));
            assertEquals("watchdog: render thread beating again after 8000 ms silent (4 checks without a beat; "
                    + "stall 2 since the thread stacks logged 11 s ago)", lines.get(2));

            now.addAndGet(HeartbeatWatchdog.STACKS_AT_MOST_EVERY.toNanos());
            heartbeat.set(now.get());
            watchdog.check();
            now.addAndGet(6 * SECOND);
            watchdog.check();
            assertEquals(2, watchdog.stackDumps(), "a stall long after the last stacks logs them again");
        }
    }

    @Test
    void theThreadDumpNamesEveryThreadWithItsStack() {
        String dump = HeartbeatWatchdog.threadDump();
        assertTrue(dump.contains("\"" + Thread.currentThread().getName() + "\""), dump);
        assertTrue(dump.contains("org.liquide.systemd.HeartbeatWatchdog.threadDump("), dump);
    }
}
