package org.liquide.oscquery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The announcements over mDNS with JmDNS, registered on a thread of their own ({@code liquide-mdns}): probing takes
 * a few seconds and the show does not wait for it. Where there is no multicast interface (a machine with only
 * loopback, a container) the failure is logged once and the show goes on, reachable at its logged address.
 */
final class MdnsAnnouncer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MdnsAnnouncer.class);

    private final CompletableFuture<JmDNS> mdns;

    private MdnsAnnouncer(CompletableFuture<JmDNS> mdns) {
        this.mdns = mdns;
    }

    /** The interface to announce on; throws when there is none. */
    @FunctionalInterface
    interface Interface {
        InetAddress address() throws IOException;
    }

    /** The first IPv4 interface that is up, not loopback, and multicasts. */
    static final Interface FIRST_MULTICAST = () -> multicastAddress()
            .orElseThrow(() -> new IOException("no network interface with multicast is up"));

    static MdnsAnnouncer start(Announcements announcements, Interface where) {
        CompletableFuture<JmDNS> started = new CompletableFuture<>();
        Thread.ofPlatform().name("liquide-mdns").daemon().start(() -> {
            JmDNS jmdns = null;
            try {
                jmdns = JmDNS.create(where.address(), announcements.host());
                for (Announcements.Service service : announcements.services()) {
                    jmdns.registerService(ServiceInfo.create(service.type(), service.name(), service.port(), 0, 0,
                            service.text()));
                }
                LOG.info("oscquery: announced over mDNS on {} as '{}' ({})", jmdns.getInetAddress().getHostAddress(),
                        announcements.services().getFirst().name(),
                        announcements.services().stream().map(Announcements.Service::type).toList());
                started.complete(jmdns);
            } catch (IOException | RuntimeException e) {
                LOG.warn("oscquery: not announced over mDNS ({}); clients reach it at the address above", e.toString());
                closeQuietly(jmdns);
                started.complete(null);
            }
        });
        return new MdnsAnnouncer(started);
    }

    /** Withdraws the announcements, waiting at most a second (the show's stop is bounded); later if still starting. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = mdns.thenAcceptAsync(MdnsAnnouncer::closeQuietly,
                task -> Thread.ofPlatform().name("liquide-mdns-close").daemon().start(task));
        try {
            closed.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("oscquery: mDNS still closing", e);
        }
    }

    /** The first IPv4 address of an interface that is up, not loopback, and multicasts; no resolver is asked. */
    static java.util.Optional<InetAddress> multicastAddress() throws IOException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback() && nic.supportsMulticast()) {
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        return java.util.Optional.of(a);
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void closeQuietly(JmDNS jmdns) {
        if (jmdns == null) {
            return;
        }
        try {
            jmdns.unregisterAllServices();
            jmdns.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("oscquery: closing mDNS", e);
        }
    }
}
