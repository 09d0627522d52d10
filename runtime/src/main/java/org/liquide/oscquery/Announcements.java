package org.liquide.oscquery;

import java.util.List;
import java.util.Map;

/**
 * What the show announces over mDNS (DNS-SD): its OSCQuery server and its OSC input, under the show's name.
 *
 * @param host this machine's name on the link ({@code <host>.local.}), given so that JmDNS asks no resolver for it
 */
public record Announcements(String host, List<Service> services) {
    public static final String OSCQUERY_TYPE = "_oscjson._tcp.local.";
    public static final String OSC_TYPE = "_osc._udp.local.";

    /** One DNS-SD service: its type, instance name, port and TXT record. */
    public record Service(String type, String name, int port, Map<String, String> text) {
        public Service {
            text = Map.copyOf(text);
        }
    }

    public Announcements {
        services = List.copyOf(services);
    }

    public static Announcements of(String name, String machine, int httpPort, int oscPort) {
        String instance = instanceName(name);
        return new Announcements(hostName(machine), List.of(
                new Service(OSCQUERY_TYPE, instance, httpPort, Map.of("txtvers", "1")),
                new Service(OSC_TYPE, instance, oscPort, Map.of("txtvers", "1"))));
    }

    /** A DNS label: letters, digits and '-'. */
    static String hostName(String machine) {
        String label = machine.replaceAll("[^A-Za-z0-9-]", "-");
        label = label.length() > 63 ? label.substring(0, 63) : label;
        return label.isEmpty() ? "liquide" : label;
    }

    /** DNS-SD instance names are at most 63 bytes of UTF-8 and have no dots in practice. */
    static String instanceName(String name) {
        String text = name.replace('.', ' ').strip();
        text = text.isEmpty() ? "liquide" : text;
        while (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
