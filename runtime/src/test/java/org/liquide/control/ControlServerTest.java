package org.liquide.control;

import org.liquide.app.ShowLauncher;
import org.liquide.showcase.ControlConfig;
import org.liquide.log.LogTail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.config.BadInputException;
import org.liquide.show.status.ShowStatus;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ControlServerTest {
    @TempDir
    Path dir;

    @Test
    void aPortInUseIsBadInputNamingIt() {
        try (TestServer first = new TestServer(dir, false)) {
            ControlServer second = new ControlServer(new ControlSettings("127.0.0.1", first.server.port(),
                    dir.resolve("control-token"), false), new FakeShow(), new FakePreviews(), new LogTail(10));
            BadInputException e = assertThrows(BadInputException.class, second::start);
            assertTrue(e.getMessage().contains("127.0.0.1:" + first.server.port()), e.getMessage());
        }
    }

    @Test
    void theShowcaseDefaultsListenOnThisMachineOnly() {
        ControlSettings defaults = ShowLauncher.controlSettings(ControlConfig.defaults());
        assertEquals("127.0.0.1", defaults.bindHost());
        assertEquals(8420, defaults.port());
        assertFalse(defaults.openStatus());
        assertTrue(defaults.tokenFile().endsWith(Path.of("liquide", "control-token")));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> defaults.withBindHost(" "));
    }

    @Test
    void aFailingShowIsA500WithoutItsInsides() {
        FakeShow broken = new FakeShow() {
            @Override
            public ShowStatus status() {
                throw new IllegalStateException("secret internals");
            }
        };
        try (ControlServer server = new ControlServer(new ControlSettings("127.0.0.1", 0, dir.resolve("t"), true),
                broken, new FakePreviews(), new LogTail(10)).start()) {
            var response = new TestClient(server.url()).get("/api/status");
            assertEquals(500, response.statusCode());
            assertFalse(response.body().contains("secret"), response.body());
            assertTrue(response.body().contains("\"error\""), response.body());
        }
    }
}
