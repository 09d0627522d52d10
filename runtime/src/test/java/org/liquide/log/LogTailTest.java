package org.liquide.log;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LogTailTest {
    private static LogTail.Line line(String message) {
        return new LogTail.Line(0, Instant.EPOCH, "INFO", "Test", message);
    }

    @Test
    void keepsTheLastLinesInOrder() {
        LogTail tail = new LogTail(3);
        assertEquals(List.of(), tail.last(10));
        for (int i = 1; i <= 5; i++) {
            tail.add(line("line " + i));
        }
        assertEquals(List.of("line 3", "line 4", "line 5"), tail.last(10).stream().map(LogTail.Line::message).toList());
        assertEquals(List.of("line 5"), tail.last(1).stream().map(LogTail.Line::message).toList());
        assertEquals(4, tail.last(1).getFirst().seq());
    }

    @Test
    void longMessagesAreCut() {
        LogTail tail = new LogTail(2);
        tail.add(line("x".repeat(10_000)));
        assertEquals(LogTail.MAX_MESSAGE + 1, tail.last(1).getFirst().message().length());
    }

    @Test
    void installedItSeesWhatTheRootLoggerLetsThroughWithExceptions() {
        LogTail tail = LogTail.install(50);
        try {
            assertSame(tail, LogTail.install(50), "installed once");
            LoggerFactory.getLogger("org.liquide.render.RenderLoop").warn("frame took {} ms", 41, new IllegalStateException("GL lost"));
            LoggerFactory.getLogger("org.liquide.render.RenderLoop").debug("not shown at INFO");
            LogTail.Line last = tail.last(1).getFirst();
            assertEquals("WARN", last.level());
            assertEquals("RenderLoop", last.logger());
            assertEquals("frame took 41 ms — java.lang.IllegalStateException: GL lost", last.message());
        } finally {
            tail.uninstall();
        }
    }
}
