package org.liquide.control;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.liquide.show.api.ShowControl;
import org.liquide.show.status.ShowStatus;
import org.liquide.show.status.SignalStatus;

/** Rehearsal sliders: {@code POST /api/signals/<name>} with {@code {"value": 0.4}}; 409 outside rehearsal. */
final class SignalRoutes {
    private final ShowControl show;

    SignalRoutes(ShowControl show) {
        this.show = show;
    }

    void register(Javalin app) {
        // <name> (not {name}): signal names hold slashes, such as td/fader1.
        app.post("/api/signals/<name>", this::play);
    }

    private void play(Context ctx) {
        String name = ctx.pathParam("name");
        double value = RequestBodies.requiredNumber(RequestBodies.jsonObject(ctx), "value");
        ShowStatus status = show.status();
        if (!status.rehearsal()) {
            throw new ApiException(409, "simulated signals can only be played in rehearsal mode");
        }
        boolean known = status.signals().stream().map(SignalStatus::name).anyMatch(name::equals);
        if (!known) {
            throw ApiException.notFound("no signal named " + name);
        }
        if (!show.setSimulatedSignal(name, value)) {
            throw new ApiException(409, "the show did not take the value (did rehearsal just end?)");
        }
        Json.send(ctx, 200, Json.object().put("signal", name).put("value", value));
    }
}
