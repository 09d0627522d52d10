package org.liquide.oscout;

import java.util.List;

/**
 * One OSC out target ({@code osc_out} in showcase.yaml): where to send, whether it gets what the show
 * does (scene changes, blackout, sleep and wake, storyboard cues), and which signals, {@code rate} times a
 * second.
 */
public record OscTarget(String host, int port, boolean events, double rate, List<OscSignalOut> signals) {
    public OscTarget {
        signals = List.copyOf(signals);
    }

    /** host:port, as logs name it. */
    public String name() {
        return host + ":" + port;
    }
}
