package org.liquide.oscout;

import org.liquide.retry.Backoff;
import org.liquide.showcase.OscTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

/**
 * The way to one OSC out target: a connected UDP channel, so that a target that disappeared (nothing
 * listens on its port, its host is unreachable or unknown) shows as an error on a later send. Then the
 * link degrades like a camera: one warning, sends skipped, a new attempt after a doubling wait
 * (0.5 s to 10 s), one line when it is back. Used by the OSC out thread only.
 */
final class OscLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OscLink.class);

    final OscTarget target;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    private DatagramChannel channel;
    private boolean down;
    private boolean probing;
    private long retryAtNanos;
    private long sent;
    private long failures;

    OscLink(OscTarget target) {
        this.target = target;
    }

    /** Sends one packet unless the target is down and its next attempt is not due; never throws. */
    void send(ByteBuffer packet, long nowNanos) {
        if (down && nowNanos < retryAtNanos) {
            return;
        }
        try {
            if (channel == null) {
                InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
                if (address.isUnresolved()) {
                    throw new IOException("unknown host " + target.host());
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
                LOG.info("OSC out: {} is reachable again", target.name());
            }
        } catch (IOException e) {
            failures++;
            closeChannel();
            if (!down && !probing) {
                LOG.warn("OSC out: cannot send to {} ({}); the show goes on, retrying", target.name(), describe(e));
            }
            down = true;
            probing = false;
            retryAtNanos = nowNanos + backoff.nextDelayNanos();
        }
    }

    boolean reachable() {
        return !down && !probing;
    }

    long sent() {
        return sent;
    }

    long failures() {
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
