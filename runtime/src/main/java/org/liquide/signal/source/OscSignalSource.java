package org.liquide.signal.source;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import org.liquide.cli.PortUnavailableException;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * OSC in, for TouchDesigner, Max or QLab users: {@code /liquide/signal/<name> <float...>} becomes the
 * signal {@code <name>}. Other {@code /liquide/...} addresses go to a command handler (show control)
 * when one is set. Garbage, unknown addresses and non-numeric arguments are dropped and counted.
 *
 * <p>Datagrams are received on this class's own thread and parsed with JavaOSC's parser inside a
 * catch-all: JavaOSC's own receiving thread dies on some truncated packets, and one bad packet must
 * never silence the show's OSC input.
 */
public final class OscSignalSource implements AutoCloseable {
    public static final String SOURCE = "osc";
    private static final String SIGNAL_PREFIX = "/liquide/signal/";
    private static final int MAX_DATAGRAM = 65_507;
    private static final Logger LOG = LoggerFactory.getLogger(OscSignalSource.class);

    private final SignalBus bus;
    private final DatagramChannel channel;
    private final OSCParser parser = new OSCSerializerAndParserBuilder().buildParser();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final double[] values = new double[Signal.MAX_CHANNELS];
    private final Thread thread;
    private volatile boolean running = true;
    private volatile BiConsumer<String, List<Object>> commands;

    /** @throws PortUnavailableException when the port is taken or not allowed */
    public OscSignalSource(SignalBus bus, InetSocketAddress bind) throws IOException {
        this.bus = bus;
        this.channel = DatagramChannel.open();
        // Controllers send bursts (a bank of faders at 60 Hz): a larger buffer keeps the kernel from dropping them.
        channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
        try {
            channel.bind(bind);
        } catch (java.net.BindException e) {
            channel.close();
            throw new PortUnavailableException("OSC", "udp " + bind.getHostString() + ":" + bind.getPort(), e.getMessage(), e);
        }
        this.thread = Thread.ofPlatform().name("liquide-osc").daemon().unstarted(this::receiveLoop);
    }

    /** Receives {@code /liquide/...} messages that are not signals (address, arguments). */
    public void onCommand(BiConsumer<String, List<Object>> handler) {
        this.commands = handler;
    }

    public OscSignalSource start() throws IOException {
        thread.start();
        LOG.info("OSC: listening on udp {}", channel.getLocalAddress());
        return this;
    }

    private void receiveLoop() {
        while (running) {
            buffer.clear();
            try {
                channel.receive(buffer);
            } catch (IOException e) {
                if (running) {
                    LOG.warn("OSC: receiving failed ({}); the port is closed", e.getMessage());
                }
                return;
            }
            buffer.flip();
            try {
                handle(parser.convert(buffer));
            } catch (OSCParseException | RuntimeException e) {
                bus.drop(SOURCE, "malformed");
            }
        }
    }

    private void handle(OSCPacket packet) {
        if (packet instanceof OSCBundle bundle) {
            for (OSCPacket inner : bundle.getPackets()) {
                handle(inner);
            }
        } else if (packet instanceof OSCMessage message) {
            handle(message);
        }
    }

    private void handle(OSCMessage message) {
        String address = message.getAddress();
        if (!address.startsWith(SIGNAL_PREFIX)) {
            BiConsumer<String, List<Object>> handler = commands;
            if (handler != null && address.startsWith("/liquide/")) {
                handler.accept(address, message.getArguments());
            } else {
                bus.drop(SOURCE, "unknown-address");
            }
            return;
        }
        String name = address.substring(SIGNAL_PREFIX.length());
        if (!SignalNames.isValid(name)) {
            bus.drop(SOURCE, "bad-name");
            return;
        }
        List<Object> arguments = message.getArguments();
        if (arguments.isEmpty() || arguments.size() > Signal.MAX_CHANNELS) {
            bus.drop(SOURCE, "bad-arguments");
            return;
        }
        for (int i = 0; i < arguments.size(); i++) {
            Object argument = arguments.get(i);
            if (argument instanceof Number number) {
                values[i] = number.doubleValue();
            } else if (argument instanceof Boolean bool) {
                values[i] = bool ? 1 : 0;
            } else {
                bus.drop(SOURCE, "not-a-number");
                return;
            }
        }
        bus.publish(SOURCE, name, values, arguments.size(), 0);
    }

    /** The UDP address it listens on (useful when bound to port 0). */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public void close() {
        running = false;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the OSC port", e);
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
