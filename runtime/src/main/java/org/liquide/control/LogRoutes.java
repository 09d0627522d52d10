package org.liquide.control;

import org.liquide.log.LogTail;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** {@code GET /api/log?lines=N}: the last N log lines (100 by default), oldest first. */
final class LogRoutes {
    static final int DEFAULT_LINES = 100;

    private final LogTail tail;

    LogRoutes(LogTail tail) {
        this.tail = tail;
    }

    void register(Javalin app) {
        app.get("/api/log", this::lines);
    }

    private void lines(Context ctx) {
        int lines = DEFAULT_LINES;
        String asked = ctx.queryParam("lines");
        if (asked != null) {
            try {
                lines = Integer.parseInt(asked);
            } catch (NumberFormatException e) {
                lines = -1;
            }
            if (lines < 1 || lines > tail.capacity()) {
                throw ApiException.badRequest("lines must be 1 to " + tail.capacity());
            }
        }
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("lines");
        for (LogTail.Line line : tail.last(lines)) {
            array.addObject()
                    .put("seq", line.seq())
                    .put("time", line.time().toString())
                    .put("level", line.level())
                    .put("logger", line.logger())
                    .put("message", line.message());
        }
        Json.send(ctx, 200, body);
    }
}
