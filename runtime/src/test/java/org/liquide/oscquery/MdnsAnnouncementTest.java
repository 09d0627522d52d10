package org.liquide.oscquery;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;
import org.liquide.net.Senders;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The announcement as a client browsing mDNS sees it: a JmDNS browser on the loopback interface finds
 * {@code _oscjson._tcp} at the OSCQuery server's port and {@code _osc._udp} at the OSC input's, under the show's name.
 */
class MdnsAnnouncementTest {

    @Test
    void aBrowserFindsTheOscQueryServerAndTheOscInput() throws Exception {
        InetAddress loopback = InetAddress.ofLiteral("127.0.0.1");
        try (OscQueryServer server = new OscQueryServer(new OscQuerySettings("127.0.0.1", 0, "salle test", "regie-1", 9124,
                Senders.LOOPBACK, true), () -> new AddressTree().build()).start();
             JmDNS browser = JmDNS.create(loopback, "browser")) {
            ServiceInfo query = find(browser, Announcements.OSCQUERY_TYPE);
            assertEquals(server.port(), query.getPort());
            assertEquals(List.of("127.0.0.1"), List.of(query.getHostAddresses()));
            assertEquals("1", query.getPropertyString("txtvers"));
            assertEquals(9124, find(browser, Announcements.OSC_TYPE).getPort());
        }
    }

    /** Browses until the show's instance of the type is listed (probing and announcing take a few seconds). */
    private static ServiceInfo find(JmDNS browser, String type) {
        ServiceInfo[] found = new ServiceInfo[1];
        Await.until(OscQueryClient.WITHIN, type + " announced as 'salle test'", () -> {
            for (ServiceInfo info : browser.list(type, 1000)) {
                if (info.getName().equals("salle test") && info.getPort() > 0) {
                    found[0] = info;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void theServiceDescriptions() {
        Announcements announcements = Announcements.of("écritures.liquides", "régie 1", 5678, 9000);
        assertEquals("r-gie-1", announcements.host());
        assertEquals(List.of(
                new Announcements.Service("_oscjson._tcp.local.", "écritures liquides", 5678, java.util.Map.of("txtvers", "1")),
                new Announcements.Service("_osc._udp.local.", "écritures liquides", 9000, java.util.Map.of("txtvers", "1"))),
                announcements.services());
    }
}
