package org.liquide.control;

import org.liquide.log.LogTail;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A control server on a free loopback port over {@link FakeShow} and {@link FakePreviews}, with its token. */
final class TestServer implements AutoCloseable {
    final FakeShow show = new FakeShow();
    final FakePreviews previews = new FakePreviews();
    final LogTail tail = new LogTail(200);
    final MutableClock clock = new MutableClock();
    final ControlServer server;
    final String token;

    TestServer(Path dir, boolean openStatus) {
        previews.publish("main", new Color(20, 40, 90), 320, 180).publish("mur", new Color(90, 30, 20), 320, 200);
        tail.add(new LogTail.Line(0, Instant.parse("2027-01-15T18:04:01Z"), "INFO", "RenderLoop", "render: 1920x1080 at 60 Hz"));
        tail.add(new LogTail.Line(0, Instant.parse("2027-01-15T18:04:03Z"), "WARN", "CameraFeed", "camera plafond: no frame for 12 s; reconnecting"));
        show.clock(clock);
        Path tokenFile = dir.resolve("control-token");
        server = new ControlServer(new ControlSettings("127.0.0.1", 0, tokenFile, openStatus), show, previews, tail, clock).start();
        try {
            token = Files.readString(tokenFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return server.url();
    }

    TestClient client() {
        return new TestClient(url());
    }

    @Override
    public void close() {
        server.close();
    }
}
