package org.liquide.control;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before any handler runs, whether a request may go on. Every path needs the token except the
 * login page and its assets ({@link #PUBLIC_PATHS}); with {@code openStatus}, {@code GET /api/status} and the previews too.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <token>}: checked in constant time; a wrong one counts as a failure
 *       for the client's address ({@link AuthThrottle}); a locked-out address gets 429 and Retry-After
 *       without its token being looked at.</li>
 *   <li>The session cookie from the login form: a random id, not the token. Requests that change
 *       something (anything but GET/HEAD) must also carry the session's CSRF token in
 *       {@value #CSRF_HEADER}, and their Origin (or Referer), when sent, must be this server.</li>
 * </ul>
 * Anything else gets 401 (JSON), or a redirect to the login page for a browser asking for a page.
 */
final class AuthGate {
    static final String CSRF_HEADER = "X-Liquide-CSRF";
    static final String SESSION_COOKIE = "liquide_session";
    static final String LOGIN_PATH = "/login";
    static final Set<String> PUBLIC_PATHS = Set.of(LOGIN_PATH, "/login.js", "/i18n.js", "/style.css", "/favicon.svg");
    private static final String SESSION_ATTRIBUTE = "liquide.session";
    private static final Logger LOG = LoggerFactory.getLogger(AuthGate.class);
    /** Wrong tokens: a script guessing them must not fill the disk with log lines. */
    private final RateLimitedLog failures = RateLimitedLog.of(LOG);

    private final AccessToken token;
    private final Sessions sessions;
    private final AuthThrottle throttle;
    private final boolean openStatus;

    AuthGate(AccessToken token, Sessions sessions, AuthThrottle throttle, boolean openStatus) {
        this.token = token;
        this.sessions = sessions;
        this.throttle = throttle;
        this.openStatus = openStatus;
    }

    void check(Context ctx) {
        String path = ctx.path();
        HandlerType method = ctx.method();
        if (PUBLIC_PATHS.contains(path)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            checkBearer(ctx, authorization);
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isPresent()) {
            if (!isSafe(method)) {
                checkCsrf(ctx, session.get());
            }
            ctx.attribute(SESSION_ATTRIBUTE, session.get());
            return;
        }
        if (openStatus && isSafe(method) && (path.equals("/api/status") || path.startsWith("/api/preview/"))) {
            return;
        }
        if (isSafe(method) && !path.startsWith("/api/") && accepts(ctx, "text/html")) {
            ctx.redirect(LOGIN_PATH, io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        throw new ApiException(401, "this needs the panel's token (Authorization: Bearer <token>) or a login",
                Map.of("WWW-Authenticate", "Bearer realm=\"liquide\""));
    }

    private void checkBearer(Context ctx, String authorization) {
        String client = ctx.ip();
        refuseIfLockedOut(client);
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "use Authorization: Bearer <token>",
                    Map.of("WWW-Authenticate", "Bearer realm=\"liquide\""));
        }
        if (!token.matches(authorization.substring(7))) {
            failed(client, "a wrong bearer token");
            throw new ApiException(401, "wrong token", Map.of("WWW-Authenticate", "Bearer realm=\"liquide\", error=\"invalid_token\""));
        }
        throttle.success(client);
    }

    /** The login form's check, under the same back-off as bearer tokens. */
    boolean login(Context ctx, String presented) {
        String client = ctx.ip();
        refuseIfLockedOut(client);
        refuseForeignOrigin(ctx);
        if (token.matches(presented)) {
            throttle.success(client);
            return true;
        }
        failed(client, "a wrong token on the login form");
        return false;
    }

    private void refuseIfLockedOut(String client) {
        Optional<Duration> locked = throttle.lockedFor(client);
        if (locked.isPresent()) {
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            throw new ApiException(429, "too many wrong tokens from this address; try again in " + seconds + " s",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private void failed(String client, String what) {
        Optional<Duration> lockout = throttle.failure(client);
        if (lockout.isPresent()) {
            failures.warn("control panel: {} from {}; that address is locked out for {} s", what, client,
                    Math.max(1, lockout.get().toSeconds()));
        } else {
            failures.info("control panel: {} from {}", what, client);
        }
    }

    private void checkCsrf(Context ctx, Sessions.Session session) {
        refuseForeignOrigin(ctx);
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null || !java.security.MessageDigest.isEqual(AccessToken.sha256(presented),
                AccessToken.sha256(session.csrfToken()))) {
            throw new ApiException(403, "missing or wrong " + CSRF_HEADER + " header (get it from GET /api/session)");
        }
    }

    /** When the browser says where a request comes from, it must be this server. */
    private static void refuseForeignOrigin(Context ctx) {
        String host = ctx.header("Host");
        String origin = ctx.header("Origin");
        String claimed = origin;
        if (claimed == null) {
            String referer = ctx.header("Referer");
            if (referer == null) {
                return;
            }
            claimed = originOf(referer);
        }
        if (host == null || claimed == null || !claimed.equalsIgnoreCase(ctx.scheme() + "://" + host)) {
            throw new ApiException(403, "cross-origin request refused");
        }
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The session that authenticated this request, if it came with the cookie. */
    static Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }

    static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD;
    }

    static boolean accepts(Context ctx, String type) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(type);
    }
}
