package org.liquide.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.liquide.show.api.ShowControl;
import org.liquide.show.status.OutputStatus;

/** Corner pins: {@code PUT /api/displays/{name}/corners/{i}} with {@code {"x": .., "y": ..}} in [0,1]. */
final class DisplayRoutes {
    private final ShowControl show;

    DisplayRoutes(ShowControl show) {
        this.show = show;
    }

    void register(Javalin app) {
        app.put("/api/displays/{name}/corners/{corner}", this::moveCorner);
    }

    private void moveCorner(Context ctx) {
        String display = ctx.pathParam("name");
        int corner = corner(ctx.pathParam("corner"));
        boolean known = show.status().outputs().stream().map(OutputStatus::name).anyMatch(display::equals);
        if (!known) {
            throw ApiException.notFound("no display named " + display);
        }
        JsonNode body = RequestBodies.jsonObject(ctx);
        double x = unit(RequestBodies.requiredNumber(body, "x"), "x");
        double y = unit(RequestBodies.requiredNumber(body, "y"), "y");
        try {
            show.setWarpCorner(display, corner, x, y);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Json.send(ctx, 200, Json.object().put("display", display).put("corner", corner).put("x", x).put("y", y));
    }

    private static int corner(String text) {
        if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '3') {
            return text.charAt(0) - '0';
        }
        throw ApiException.notFound("no corner " + text + " (0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left)");
    }

    private static double unit(double value, String field) {
        if (value < 0 || value > 1) {
            throw ApiException.badRequest("\"" + field + "\" must be within [0, 1] (a fraction of the output)");
        }
        return value;
    }
}
