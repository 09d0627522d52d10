package org.liquide.control;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The login form ({@code POST /login}, field {@code token}), {@code POST /logout}, and
 * {@code GET /api/session}, which tells the panel its CSRF token. Answers JSON to scripts, and
 * redirects when a plain form was posted by a browser without script.
 */
final class SessionRoutes {
    private final AuthGate gate;
    private final Sessions sessions;

    SessionRoutes(AuthGate gate, Sessions sessions) {
        this.gate = gate;
        this.sessions = sessions;
    }

    void register(Javalin app) {
        app.post(AuthGate.LOGIN_PATH, this::login);
        app.post("/logout", this::logout);
        app.get("/api/session", ctx -> {
            var session = AuthGate.session(ctx);
            var body = Json.object().put("via", session.isPresent() ? "cookie" : "bearer");
            body.put("csrf", session.map(Sessions.Session::csrfToken).orElse(null));
            Json.send(ctx, 200, body);
        });
    }

    private void login(Context ctx) {
        boolean page = !AuthGate.accepts(ctx, "application/json") && AuthGate.accepts(ctx, "text/html");
        String presented = RequestBodies.form(ctx).getOrDefault("token", "");
        boolean ok;
        try {
            ok = gate.login(ctx, presented);
        } catch (ApiException e) {
            if (page && e.status() == 429) {
                ctx.redirect(AuthGate.LOGIN_PATH + "?locked=" + e.headers().getOrDefault("Retry-After", "1"), HttpStatus.SEE_OTHER);
                return;
            }
            throw e;
        }
        if (!ok) {
            if (page) {
                ctx.redirect(AuthGate.LOGIN_PATH + "?wrong", HttpStatus.SEE_OTHER);
                return;
            }
            throw new ApiException(401, "wrong token");
        }
        Sessions.Issued issued = sessions.create();
        ctx.header("Set-Cookie", AuthGate.SESSION_COOKIE + "=" + issued.id() + "; Path=/; Max-Age="
                + Sessions.IDLE.toSeconds() + "; HttpOnly; SameSite=Strict" + (ctx.scheme().equals("https") ? "; Secure" : ""));
        if (page) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } else {
            Json.send(ctx, 200, Json.object().put("ok", true).put("csrf", issued.session().csrfToken()));
        }
    }

    private void logout(Context ctx) {
        sessions.remove(ctx.cookie(AuthGate.SESSION_COOKIE));
        ctx.header("Set-Cookie", AuthGate.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        Json.ok(ctx);
    }
}
