package org.liquide.oscquery;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.util.JavalinBindException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Supplier;

/**
 * The show's OSC address space over OSCQuery (the Vidvox proposal): the JSON namespace over HTTP
 * ({@code GET /liquide/scene}, {@code ?VALUE}, {@code ?HOST_INFO}), LISTEN and IGNORE over a WebSocket on the same
 * port, and an mDNS announcement, for ossia score, Chataigne or TouchOSC to find and drive the show.
 *
 * <p>On Javalin (Jetty) threads of its own ({@code liquide-oscquery-<n>}, at most {@value #MAX_THREADS}); values are
 * read through {@link OscNode#value()}, which never waits on the render thread. Only the OSC commands' senders
 * are served: anyone else gets 403, before any handler or WebSocket upgrade.
 */
public final class OscQueryServer implements AutoCloseable {
    static final int MAX_THREADS = 8;
    static final int MAX_TEXT_MESSAGE = 4096;
    static final int MAX_URI = 2048;
    static final Duration WS_IDLE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(OscQueryServer.class);

    private final OscQuerySettings settings;
    private final NamespaceCache namespace;
    private final RefusedSenders senders;
    private final ValueStream stream;
    private Javalin app;
    private MdnsAnnouncer announcer;

    /** @param root builds the address space; called at most every half second, from the server's threads */
    public OscQueryServer(OscQuerySettings settings, Supplier<OscNode> root) {
        this.settings = settings;
        this.namespace = new NamespaceCache(root, System::nanoTime);
        this.senders = new RefusedSenders(settings.allowed());
        this.stream = new ValueStream(namespace);
    }

    /**
     * Listens, then announces (off this thread) when asked.
     *
     * @throws BindException when the port is taken or the address is not this machine's
     */
    public synchronized OscQueryServer start() throws BindException {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        HostInfo host = new HostInfo(settings.name(), settings.everywhere() ? "" : settings.host(), settings.oscPort());
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = 0;
            config.http.disableCompression();
            config.jetty.defaultHost = settings.host();
            config.jetty.defaultPort = settings.port();
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2, 60_000);
            threads.setName("liquide-oscquery");
            threads.setDaemon(true);
            threads.setStopTimeout(1000);
            config.jetty.threadPool = threads;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_URI * 4);
                http.setSendServerVersion(false);
            });
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(MAX_TEXT_MESSAGE);
                factory.setMaxBinaryMessageSize(MAX_TEXT_MESSAGE);
                factory.setIdleTimeout(WS_IDLE);
            });
            // Before routing, for plain requests and WebSocket upgrades alike.
            config.jetty.modifyServletContextHandler(context -> context.addFilter(new FilterHolder(senderFilter()), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
        });
        javalin.ws("/", ws -> {
            ws.onConnect(stream::connect);
            ws.onMessage(ctx -> stream.command(ctx, ctx.message()));
            ws.onBinaryMessage(ctx -> LOG.debug("oscquery: a binary WebSocket message ignored (send OSC over UDP)"));
            ws.onClose(stream::disconnect);
            ws.onError(stream::disconnect);
        });
        javalin.get("/", ctx -> answer(ctx, host));
        javalin.get("/<path>", ctx -> answer(ctx, host));
        try {
            javalin.start();
        } catch (JavalinBindException e) {
            javalin.stop();
            BindException bind = new BindException(reason(e));
            bind.initCause(e);
            throw bind;
        }
        app = javalin;
        stream.start();
        LOG.info("oscquery: {}{}", url(), settings.everywhere() ? " (every address of this machine)" : "");
        if (settings.announce()) {
            announcer = MdnsAnnouncer.start(Announcements.of(settings.name(), settings.machine(), port(), settings.oscPort()), announceInterface());
        }
        return this;
    }

    private void answer(Context ctx, HostInfo host) {
        String raw = ctx.path();
        String path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        String query = ctx.queryString();
        if (query != null) {
            int end = query.indexOf('=') >= 0 ? query.indexOf('=') : query.indexOf('&');
            query = end >= 0 ? query.substring(0, end) : query;
        }
        NamespaceJson.Answer answer = NamespaceJson.answer(namespace.current(), host, path, query);
        ctx.status(answer.status());
        if (answer.status() == 200) {
            ctx.contentType("application/json").result(answer.json());
        }
    }

    private Filter senderFilter() {
        return (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            InetAddress remote = InetAddress.ofLiteral(http.getRemoteAddr());
            if (!senders.allows(remote)) {
                ((HttpServletResponse) response).sendError(403);
                return;
            }
            if (http.getRequestURI().length() > MAX_URI) {
                ((HttpServletResponse) response).sendError(414);
                return;
            }
            chain.doFilter(request, response);
        };
    }

    /** The interface of the host it listens on; with every address, the first that multicasts. */
    private MdnsAnnouncer.Interface announceInterface() {
        if (settings.everywhere()) {
            return MdnsAnnouncer.FIRST_MULTICAST;
        }
        String literal = settings.host().replace("[", "").replace("]", "");
        return () -> {
            try {
                return InetAddress.ofLiteral(literal);
            } catch (IllegalArgumentException name) {
                return InetAddress.getByName(literal); // a name the server was bound by, such as localhost
            }
        };
    }

    /** The port it listens on (the real one when the settings asked for 0). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    public synchronized URI url() {
        String h = settings.host().contains(":") && !settings.host().startsWith("[") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** Requests and WebSocket upgrades refused because of their sender. */
    public long refused() {
        return senders.refused();
    }

    int streamingClients() {
        return stream.clients();
    }

    @Override
    public synchronized void close() {
        if (announcer != null) {
            announcer.close();
            announcer = null;
        }
        stream.close();
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
