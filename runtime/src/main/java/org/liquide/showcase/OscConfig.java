package org.liquide.showcase;

import org.liquide.net.Senders;

/**
 * OSC in: where to listen (127.0.0.1 unless the configuration opens it) and who may send.
 *
 * @param signalsFrom  addresses and ranges whose {@code /liquide/signal/...} messages are taken
 * @param commandsFrom addresses and ranges whose show commands ({@code /liquide/scene}...) are obeyed
 * @param query        the OSCQuery server that describes these addresses (same host, same allowed senders)
 */
public record OscConfig(String host, int port, Senders signalsFrom, Senders commandsFrom, OscQueryConfig query) {
    public OscConfig(String host, int port) {
        this(host, port, Senders.LOOPBACK, Senders.LOOPBACK);
    }

    public OscConfig(String host, int port, Senders signalsFrom, Senders commandsFrom) {
        this(host, port, signalsFrom, commandsFrom, OscQueryConfig.DEFAULT);
    }
}
