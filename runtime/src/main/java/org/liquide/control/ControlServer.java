package org.liquide.control;

import org.liquide.log.LogTail;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.liquide.config.BadInputException;
import org.liquide.net.PortUnavailableException;
import org.liquide.render.readback.PreviewFrames;
import org.liquide.show.api.ShowControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * The control panel and its JSON API, on Javalin (Jetty) threads of its own. Handlers only call
 * {@link ShowControl} and {@link PreviewFrames}, which return at once: nothing here waits on the
 * render thread, and a slow or hostile client only ever holds a server thread.
 *
 * <pre>{@code
 * LogTail tail = LogTail.install(500);                    // early, so the panel sees the start
 * ControlServer panel = new ControlServer(new ControlSettings("127.0.0.1", 8420, tokenFile, false), show, previews, tail).start();
 * ...
 * panel.close();
 * }</pre>
 */
public final class ControlServer implements AutoCloseable {
    static final int MAX_THREADS = 16;
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    static final long STOP_TIMEOUT_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final ControlSettings settings;
    private final ShowControl show;
    private final PreviewFrames previews;
    private final LogTail tail;
    private final Clock clock;
    private final java.util.Set<String> failuresLogged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Javalin app;
    private AccessToken token;

    public ControlServer(ControlSettings settings, ShowControl show, PreviewFrames previews, LogTail tail) {
        this(settings, show, previews, tail, Clock.systemUTC());
    }

    /** With a clock for the back-off and sessions (tests). */
    ControlServer(ControlSettings settings, ShowControl show, PreviewFrames previews, LogTail tail, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.show = Objects.requireNonNull(show, "show");
        this.previews = Objects.requireNonNull(previews, "previews");
        this.tail = Objects.requireNonNull(tail, "tail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads or creates the token file and starts listening.
     *
     * @throws BadInputException when the token file is unusable; {@link PortUnavailableException} when the address cannot be bound
     */
    public synchronized ControlServer start() {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        token = AccessToken.loadOrCreate(settings.tokenFile());
        Sessions sessions = new Sessions(clock);
        AuthGate gate = new AuthGate(token, sessions, new AuthThrottle(clock), new AuthFailureLog(clock), settings.openStatus());
        HostCheck hosts = new HostCheck(settings.bindHost(), settings.allowedHosts());
        PanelAssets assets = PanelAssets.load();

        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = RequestBodies.MAX_BYTES;
            config.http.disableCompression();
            config.jetty.defaultHost = settings.bindHost();
            config.jetty.defaultPort = settings.port();
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2, 60_000);
            threads.setName("liquide-control");
            threads.setDaemon(true);
            // A stop waits at most this long on handlers a slow client or a stuck call holds.
            threads.setStopTimeout(STOP_TIMEOUT_MS);
            config.jetty.threadPool = threads;
            // A client trickling a body (the login form is read before any token is known) is cut off
            // rather than holding one of the few server threads until the idle timeout.
            config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND));
        });
        javalin.before(ctx -> {
            SecurityHeaders.apply(ctx);
            hosts.check(ctx);
            RequestBodies.refuseDeclaredOversize(ctx);
            gate.check(ctx);
        });
        javalin.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            Json.send(ctx, e.status(), Json.error(e.getMessage()));
        });
        javalin.exception(HttpResponseException.class, (e, ctx) ->
                Json.send(ctx, e.getStatus(), Json.error(e.getStatus() == 404 ? "not found" : e.getMessage())));
        javalin.exception(Exception.class, (e, ctx) -> {
            // A panel polls 4 times a second: a failing show call is logged in full once, then at debug level.
            String key = ctx.method() + " " + ctx.path() + " " + e.getClass().getName();
            if (failuresLogged.size() < 256 && failuresLogged.add(key)) {
                LOG.warn("control panel: {} {} failed (further such failures at debug level)", ctx.method(), ctx.path(), e);
            } else {
                LOG.debug("control panel: {} {} failed", ctx.method(), ctx.path(), e);
            }
            Json.send(ctx, 500, Json.error("internal error (the runtime's log says more)"));
        });

        assets.register(javalin);
        new SessionRoutes(gate, sessions).register(javalin);
        new ShowRoutes(show, previews).register(javalin);
        new DisplayRoutes(show).register(javalin);
        new SignalRoutes(show).register(javalin);
        new MidiRoutes(show).register(javalin);
        new PreviewRoutes(previews).register(javalin);
        new LogRoutes(tail).register(javalin);
        new RecordingRoutes(show, clock, clock.instant()).register(javalin);
        new JournalRoutes(show, clock).register(javalin);

        try {
            javalin.start();
        } catch (JavalinBindException e) {
            javalin.stop();
            throw new PortUnavailableException("control panel", "tcp " + settings.bindHost() + ":" + settings.port(),
                    reason(e), e);
        }
        app = javalin;
        boolean everywhere = settings.bindHost().equals("0.0.0.0") || settings.bindHost().equals("::");
        LOG.info("control panel: {} (token in {}{})",
                everywhere ? "every address of this machine, port " + port() : url(), token.file(),
                settings.openStatus() ? "; status and previews readable without it" : "");
        if (!isLoopback(settings.bindHost())) {
            LOG.warn("control panel: listening beyond this machine ({}); anyone on that network can reach the login page", settings.bindHost());
        }
        return this;
    }

    /** The port it listens on (the real one when the settings asked for 0). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    /** {@code http://host:port/}, for the log and for tests. */
    public synchronized URI url() {
        String host = settings.bindHost().contains(":") ? "[" + settings.bindHost() + "]" : settings.bindHost();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The token file in use (after {@link #start()}). */
    public synchronized java.nio.file.Path tokenFile() {
        return token == null ? settings.tokenFile().toAbsolutePath() : token.file();
    }

    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** What the system said (Jetty's BindException under Javalin's wrapper), without the wrappers' prose. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
