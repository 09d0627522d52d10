package org.liquide.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.liquide.render.readback.PreviewFrames;
import org.liquide.show.api.ShowControl;
import org.liquide.show.status.GeneratorStatus;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Status, scenes and the show-wide commands: each handler calls {@link ShowControl}, which returns at once. */
final class ShowRoutes {
    static final long SNAPSHOT_TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ShowRoutes.class);
    /** The show's commands, as the panel (or a script hammering the API) sends them. */
    private final RateLimitedLog commands = RateLimitedLog.of(LOG);

    private final ShowControl show;
    private final PreviewFrames previews;

    ShowRoutes(ShowControl show, PreviewFrames previews) {
        this.show = show;
        this.previews = previews;
    }

    void register(Javalin app) {
        app.get("/api/status", ctx -> Json.send(ctx, 200, Json.status(show.status(), previews::version)));
        app.get("/api/scenes", ctx -> {
            var body = Json.object();
            body.put("current", show.status().scene());
            var names = body.putArray("scenes");
            show.scenes().forEach(names::add);
            Json.send(ctx, 200, body);
        });
        app.post("/api/scene", this::switchScene);
        app.post("/api/next", ctx -> command(ctx, "next", show::next));
        app.post("/api/blackout", ctx -> {
            boolean on = RequestBodies.requiredBoolean(RequestBodies.jsonObject(ctx), "on");
            command(ctx, "blackout " + (on ? "on" : "off"), () -> show.blackout(on));
        });
        app.post("/api/sleep", ctx -> command(ctx, "sleep", show::sleep));
        app.post("/api/wake", ctx -> command(ctx, "wake", show::wake));
        app.post("/api/reload", ctx -> command(ctx, "reload", show::reload));
        app.post("/api/snapshot", this::snapshot);
        app.post("/api/generators/{layer}/restart", this::restartGenerator);
    }

    private void switchScene(Context ctx) {
        JsonNode body = RequestBodies.jsonObject(ctx);
        String name = RequestBodies.requiredString(body, "name");
        try {
            show.switchScene(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage() != null ? e.getMessage() : "no scene named " + name);
        }
        commands.info("control panel: scene {} (from {})", name, ctx.ip());
        Json.ok(ctx);
    }

    private void restartGenerator(Context ctx) {
        String layer = ctx.pathParam("layer");
        boolean known = layer.equals("all")
                || show.status().generators().stream().map(GeneratorStatus::layer).anyMatch(layer::equals);
        if (!known) {
            throw ApiException.notFound("no generator on a layer named " + layer);
        }
        command(ctx, "restart generator " + layer, () -> show.restartGenerator(layer));
    }

    private void snapshot(Context ctx) {
        commands.info("control panel: snapshot (from {})", ctx.ip());
        CompletableFuture<Path> written = show.snapshot();
        ctx.future(() -> written.orTimeout(SNAPSHOT_TIMEOUT_SECONDS, TimeUnit.SECONDS).handle((path, error) -> {
            if (error == null) {
                Json.send(ctx, 200, Json.object().put("path", path.toString()));
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof TimeoutException) {
                    Json.send(ctx, 504, Json.error("the snapshot was not written within " + SNAPSHOT_TIMEOUT_SECONDS + " s"));
                } else {
                    LOG.warn("control panel: the snapshot failed", cause);
                    Json.send(ctx, 500, Json.error("the snapshot failed: " + cause.getMessage()));
                }
            }
            return null;
        }));
    }

    private void command(Context ctx, String what, Runnable action) {
        action.run();
        commands.info("control panel: {} (from {})", what, ctx.ip());
        Json.ok(ctx);
    }
}
