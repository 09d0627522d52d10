package org.liquide.oscquery;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;
import org.liquide.net.Senders;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where the announcement cannot go out (no interface with multicast: the interface lookup fails as
 * {@link MdnsAnnouncer#FIRST_MULTICAST} does on such a machine), the failure is logged once and the OSCQuery
 * server keeps answering.
 */
class MdnsUnavailableTest {

    @Test
    void theServerGoesOnAndTheFailureIsLoggedOnce() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MdnsAnnouncer.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (MdnsAnnouncer announcer = MdnsAnnouncer.start(Announcements.of("salle", "regie-1", 5678, 9000),
                () -> {
                    throw new java.io.IOException("no network interface with multicast is up");
                });
             OscQueryServer server = new OscQueryServer(new OscQuerySettings("127.0.0.1", 0, "salle", "regie-1", 9000,
                     Senders.LOOPBACK, false), () -> new AddressTree().build()).start()) {
            Await.until(OscQueryClient.WITHIN, "the failure logged", () -> lines.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith("oscquery: not announced over mDNS")));
            assertEquals(200, new OscQueryClient(server.url()).get("/").statusCode());
            assertEquals(1, lines.list.size(), lines.list.toString());
        } finally {
            logger.detachAppender(lines);
        }
    }
}
