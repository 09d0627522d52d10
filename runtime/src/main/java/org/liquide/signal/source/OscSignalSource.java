package org.liquide.signal.source;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import org.liquide.net.PortUnavailableException;
import org.liquide.net.Senders;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * OSC in, for TouchDesigner, Max or QLab users: {@code /liquide/signal/<name> <float...>} becomes the
 * signal {@code <name>}. Other {@code /liquide/...} addresses go to a command handler (show control)
 * when one is set. Garbage, unknown addresses and non-numeric arguments are dropped and counted, and so
 * are the messages of a datagram (bundles, nested or not) beyond the first {@value #MAX_MESSAGES_PER_DATAGRAM}.
 *
 * <p>Who may send: commands only from {@code commandsFrom} (this machine by default), signals from
 * {@code signalsFrom}; a datagram from anyone else is counted ({@code sender-refused} or
 * {@code command-sender-refused} among the source's drops), logged once per sender, and ignored. UDP source
 * addresses can be forged on a shared network: docs/security.md says what this does and does not stop.
 *
 * <p>Datagrams are received on this class's own thread and parsed with JavaOSC's parser inside a
 * catch-all: JavaOSC's own receiving thread dies on some truncated packets, and one bad packet must
 * never silence the show's OSC input.
 */
public final class OscSignalSource implements AutoCloseable {
    public static final String SOURCE = "osc";
    private static final String SIGNAL_PREFIX = "/liquide/signal/";
    private static final int MAX_DATAGRAM = 65_507;
    /** A bank of faders fits; a bundle of two thousand commands does not. */
    public static final int MAX_MESSAGES_PER_DATAGRAM = 64;
    private static final Logger LOG = LoggerFactory.getLogger(OscSignalSource.class);
    static final int MAX_SENDERS_LOGGED = 256;

    private final SignalBus bus;
    private final DatagramChannel channel;
    private final OSCParser parser = new OSCSerializerAndParserBuilder().buildParser();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final double[] values = new double[Signal.MAX_CHANNELS];
    private final Thread thread;
    private final Senders signalsFrom;
    private final Senders commandsFrom;
    private final Set<InetAddress> refusedLogged = new HashSet<>();
    private volatile boolean running = true;
    private volatile BiConsumer<String, List<Object>> commands;
    /** Messages the datagram being handled may still deliver (receiving thread only). */
    private int messagesLeft;

    /**
     * Signals and commands from this machine only.
     *
     * @throws PortUnavailableException when the port is taken or not allowed
     */
    public OscSignalSource(SignalBus bus, InetSocketAddress bind) throws IOException {
        this(bus, bind, Senders.LOOPBACK, Senders.LOOPBACK);
    }

    public OscSignalSource(SignalBus bus, InetSocketAddress bind, Senders signalsFrom, Senders commandsFrom) throws IOException {
        this.bus = bus;
        this.signalsFrom = signalsFrom;
        this.commandsFrom = commandsFrom;
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
            InetAddress sender;
            try {
                sender = ((InetSocketAddress) channel.receive(buffer)).getAddress();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("OSC: receiving failed ({}); the port is closed", e.getMessage());
                }
                return;
            }
            boolean signalsAllowed = signalsFrom.allows(sender);
            boolean commandsAllowed = commandsFrom.allows(sender);
            if (!signalsAllowed && !commandsAllowed) {
                refuse(sender, "sender-refused", "a datagram", "osc.signals_from or osc.commands_from");
                continue;
            }
            buffer.flip();
            messagesLeft = MAX_MESSAGES_PER_DATAGRAM;
            try {
                handle(parser.convert(buffer), sender, signalsAllowed, commandsAllowed);
            } catch (OSCParseException | RuntimeException e) {
                bus.drop(SOURCE, "malformed");
            }
        }
    }

    /** Counts a datagram from a sender not allowed, and logs it the first time that sender is refused. */
    private void refuse(InetAddress sender, String reason, String what, String rule) {
        bus.drop(SOURCE, reason);
        if (refusedLogged.size() < MAX_SENDERS_LOGGED && refusedLogged.add(sender)) {
            LOG.warn("OSC: {} from {} refused: that sender is not in {} (showcase file); further datagrams from it"
                    + " are only counted", what, sender.getHostAddress(), rule);
        }
    }

    private void handle(OSCPacket packet, InetAddress sender, boolean signalsAllowed, boolean commandsAllowed) {
        if (packet instanceof OSCBundle bundle) {
            for (OSCPacket inner : bundle.getPackets()) {
                handle(inner, sender, signalsAllowed, commandsAllowed);
            }
        } else if (packet instanceof OSCMessage message) {
            if (messagesLeft == 0) {
                bus.drop(SOURCE, "too-many-in-datagram");
                return;
            }
            messagesLeft--;
            handle(message, sender, signalsAllowed, commandsAllowed);
        }
    }

    private void handle(OSCMessage message, InetAddress sender, boolean signalsAllowed, boolean commandsAllowed) {
        String address = message.getAddress();
        if (!address.startsWith(SIGNAL_PREFIX)) {
            BiConsumer<String, List<Object>> handler = commands;
            if (handler != null && address.startsWith("/liquide/")) {
                if (commandsAllowed) {
                    handler.accept(address, message.getArguments());
                } else {
                    refuse(sender, "command-sender-refused", "a command " + address, "osc.commands_from");
                }
            } else {
                bus.drop(SOURCE, "unknown-address");
            }
            return;
        }
        if (!signalsAllowed) {
            refuse(sender, "sender-refused", "a signal", "osc.signals_from");
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
