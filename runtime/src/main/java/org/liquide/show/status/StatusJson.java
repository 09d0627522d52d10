package org.liquide.show.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON shape of signal and device rows, shared by the control API and {@code liquide signals --json}
 * so that a script reads both the same way. NaN and infinities (no JSON for them) become null.
 */
public final class StatusJson {
    private StatusJson() {
    }

    public static void signals(ArrayNode array, List<SignalStatus> signals) {
        for (SignalStatus sig : signals == null ? List.<SignalStatus>of() : signals) {
            ObjectNode n = array.addObject();
            n.put("name", sig.name());
            n.put("source", sig.source());
            number(n, "raw", sig.raw());
            n.put("target", sig.target() == null || sig.target().isEmpty() ? null : sig.target());
            number(n, "mapped", sig.mapped());
            number(n, "ageSeconds", sig.ageSeconds());
            n.put("stale", sig.stale());
        }
    }

    public static void devices(ArrayNode array, List<DeviceStatus> devices) {
        for (DeviceStatus d : devices == null ? List.<DeviceStatus>of() : devices) {
            array.addObject().put("name", d.name()).put("state", d.state()).put("detail", d.detail());
        }
    }

    /** Puts a number, or null when it is not finite. */
    public static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
