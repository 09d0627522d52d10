package org.liquide.net;

import org.liquide.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

/**
 * The way to one UDP receiver the configuration names (an OSC out target, an Art-Net node, an sACN
 * receiver): a connected channel, so that a receiver that disappeared (nothing listens on its port, its host
 * is unreachable or unknown) shows as an error on a later send. Then the link degrades like a camera: one
 * warning, sends skipped, a new attempt after a doubling wait (0.5 s to 10 s), one line when it is back.
 * Used by one sending thread only.
 */
public final class UdpLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpLink.class);

    private final String what;
    private final String host;
    private final int port;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    private DatagramChannel channel;
    private boolean down;
    private boolean probing;
    private long retryAtNanos;
    /** Read by other threads (status, tests): set after the line saying so is logged. */
    private volatile boolean reachable = true;
    private long sent;
    private long failures;

    /** @param what what sends, as log lines name it ({@code OSC out}, {@code Art-Net}) */
    public UdpLink(String what, String host, int port) {
        this.what = what;
        this.host = host;
        this.port = port;
    }

    /** host:port, as logs name it. */
    public String name() {
        return host + ":" + port;
    }

    /** Sends one packet unless the receiver is down and its next attempt is not due; never throws. */
    public void send(ByteBuffer packet, long nowNanos) {
        if (down && nowNanos < retryAtNanos) {
            return;
        }
        try {
            if (channel == null) {
                InetSocketAddress address = new InetSocketAddress(host, port);
                if (address.isUnresolved()) {
                    throw new IOException("unknown host " + host);
                }
                channel = DatagramChannel.open().connect(address);
            }
            channel.write(packet);
            sent++;
            if (down) {
                // A connected channel learns of an unreachable port only at the next send: wait for it.
                down = false;
                probing = true;
            } else if (probing) {
                probing = false;
                backoff.reset();
                LOG.info("{}: {} is reachable again", what, name());
                reachable = true;
            }
        } catch (java.nio.channels.ClosedByInterruptException stopping) {
            // the sending thread is being stopped, the receiver is not at fault: a later send opens a new channel
            channel = null;
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failures++;
            closeChannel();
            if (!down && !probing) {
                LOG.warn("{}: cannot send to {} ({}); the show goes on, retrying", what, name(), describe(e));
            }
            down = true;
            probing = false;
            reachable = false;
            retryAtNanos = nowNanos + backoff.nextDelayNanos();
        }
    }

    public boolean reachable() {
        return reachable;
    }

    public long sent() {
        return sent;
    }

    public long failures() {
        return failures;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a UDP channel that failed: nothing left to release
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        closeChannel();
    }
}
