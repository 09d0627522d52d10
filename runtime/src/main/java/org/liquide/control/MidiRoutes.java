package org.liquide.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.liquide.log.RateLimitedLog;
import org.liquide.midi.MidiLearn;
import org.liquide.show.api.ShowControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MIDI learn: {@code POST /api/midi/learn} with {@code {"target": "layer.fond.opacity"}} arms it, the next control moved
 * on a controller is bound to the target; {@code GET /api/midi/learn} says where it stands and lists the bindings learnt
 * with the mapping line that keeps each in a scene; {@code DELETE /api/midi/learn} disarms. 409 without MIDI controllers.
 */
final class MidiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(MidiRoutes.class);
    /** What a mapping target looks like: dotted words (generator.strength, layer.fond.input.hue.r, dmx.house). */
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){1,4}");
    private final RateLimitedLog changes = RateLimitedLog.of(LOG);
    private final ShowControl show;

    MidiRoutes(ShowControl show) {
        this.show = show;
    }

    void register(Javalin app) {
        app.get("/api/midi/learn", ctx -> Json.send(ctx, 200, describe(learn())));
        app.post("/api/midi/learn", this::arm);
        app.delete("/api/midi/learn", ctx -> {
            learn().cancel();
            Json.send(ctx, 200, describe(learn()));
        });
    }

    private MidiLearn learn() {
        return show.midiLearn().orElseThrow(() -> new ApiException(409,
                "this showcase has no MIDI controllers (midi.controllers in showcase.yaml)"));
    }

    private void arm(Context ctx) {
        MidiLearn learn = learn();
        String target = RequestBodies.requiredString(RequestBodies.jsonObject(ctx), "target");
        if (target.length() > 200 || !TARGET.matcher(target).matches()) {
            throw new ApiException(400, "'target' must be a mapping target such as layer.fond.opacity or dmx.house");
        }
        learn.arm(target);
        changes.info("control panel: MIDI learn armed for {} (from {})", target, ctx.ip());
        Json.send(ctx, 200, describe(learn));
    }

    private static ObjectNode describe(MidiLearn learn) {
        ObjectNode body = Json.object();
        switch (learn.state()) {
            case MidiLearn.State.Idle idle -> body.put("state", "idle");
            case MidiLearn.State.Armed armed -> body.put("state", "armed").put("target", armed.target())
                    .put("since", armed.since().toString());
            case MidiLearn.State.Learned learned -> {
                body.put("state", "learned");
                binding(body, learned.binding());
            }
        }
        ArrayNode bindings = body.putArray("bindings");
        learn.bindings().forEach(b -> binding(bindings.addObject(), b));
        return body;
    }

    private static void binding(ObjectNode node, MidiLearn.Binding binding) {
        node.put("signal", binding.signal()).put("target", binding.target()).put("mapping", binding.mapping())
                .put("at", binding.at().toString());
    }
}
