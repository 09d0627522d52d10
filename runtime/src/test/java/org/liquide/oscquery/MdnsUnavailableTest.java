package org.liquide.oscquery;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.CapturedLog;
import org.liquide.net.Senders;
import org.liquide.testing.LiquideProcess;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where the announcement cannot go out (no interface with multicast: the interface lookup fails as
 * {@link MdnsAnnouncer#FIRST_MULTICAST} does on such a machine), the failure is logged once and the OSCQuery
 * server keeps answering.
 */
class MdnsUnavailableTest {

    @Test
    void theServerGoesOnAndTheFailureIsLoggedOnce() throws Exception {
        int oscPort = LiquideProcess.freeUdpPort(); // only announced, but a free one all the same
        try (CapturedLog lines = CapturedLog.of(MdnsAnnouncer.class);
             MdnsAnnouncer announcer = MdnsAnnouncer.start(Announcements.of("salle", "regie-1", 5678, oscPort),
                () -> {
                    throw new java.io.IOException("no network interface with multicast is up");
                });
             OscQueryServer server = new OscQueryServer(new OscQuerySettings("127.0.0.1", 0, "salle", "regie-1", oscPort,
                     Senders.LOOPBACK, false), () -> new AddressTree().build()).start()) {
            Await.until(OscQueryClient.WITHIN, "the failure logged", () -> lines.messages().stream()
                    .anyMatch(message -> message.startsWith("oscquery: not announced over mDNS")));
            assertEquals(200, new OscQueryClient(server.url()).get("/").statusCode());
            assertEquals(1, lines.messages().size(), lines.messages().toString());
        }
    }
}
