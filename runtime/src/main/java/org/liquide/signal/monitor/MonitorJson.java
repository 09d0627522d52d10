package org.liquide.signal.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.liquide.show.status.StatusJson;

import java.io.UncheckedIOException;

/** A snapshot as one line of JSON (JSON Lines): signals and nodes in the control API's shape. */
public final class MonitorJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MonitorJson() {
    }

    public static String line(MonitorSnapshot snapshot) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("time", snapshot.time().toString());
        o.put("broker", snapshot.broker().toString());
        o.put("connected", snapshot.connected());
        StatusJson.signals(o.putArray("signals"), snapshot.signals());
        StatusJson.devices(o.putArray("nodes"), snapshot.nodes());
        ObjectNode dropped = o.putObject("dropped");
        snapshot.dropped().forEach(dropped::put);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
