package org.liquide.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.liquide.record.JournalEntry;
import org.liquide.show.status.FrameStatus;
import org.liquide.show.status.GeneratorStatus;
import org.liquide.show.status.OutputStatus;
import org.liquide.show.status.ShowStatus;
import org.liquide.show.status.SoundStatus;
import org.liquide.show.status.StatusJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The API's JSON, written field by field so that the documented shape does not drift with the records:
 * NaN and infinities (no JSON for them) become null, instants ISO-8601 text, corners [x, y] pairs.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void send(Context ctx, int status, Object node) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void ok(Context ctx) {
        send(ctx, 200, object().put("ok", true));
    }

    static ObjectNode error(String message) {
        return object().put("error", message);
    }

    /** The status snapshot; {@code previewVersion} tells each output's latest preview (0 before any). */
    static ObjectNode status(ShowStatus s, ToLongFunction<String> previewVersion) {
        ObjectNode o = object();
        o.put("showcase", s.showcase());
        o.put("machine", s.machine());
        o.put("time", s.time() == null ? null : s.time().toString());
        o.put("scene", s.scene());
        o.put("sceneDescription", s.sceneDescription() == null ? "" : s.sceneDescription());
        o.put("nextScene", s.nextScene() == null ? "" : s.nextScene());
        number(o, "nextInSeconds", s.nextInSeconds());
        o.put("blackout", s.blackout());
        o.put("asleep", s.asleep());
        o.put("asleepUntil", s.asleepUntil() == null || s.asleepUntil().isEmpty() ? null : s.asleepUntil());
        o.put("rehearsal", s.rehearsal());
        o.put("problem", s.problem() == null || s.problem().isEmpty() ? null : s.problem());
        o.set("frames", frames(s.frames()));
        ArrayNode outputs = o.putArray("outputs");
        for (OutputStatus out : list(s.outputs())) {
            ObjectNode n = outputs.addObject();
            n.put("name", out.name());
            n.put("kind", out.kind());
            n.put("width", out.width());
            n.put("height", out.height());
            ArrayNode corners = n.putArray("corners");
            for (double[] c : list(out.corners())) {
                ArrayNode pair = corners.addArray();
                finite(pair, c.length > 0 ? c[0] : Double.NaN);
                finite(pair, c.length > 1 ? c[1] : Double.NaN);
            }
            n.put("previewVersion", previewVersion.applyAsLong(out.name()));
        }
        ArrayNode generators = o.putArray("generators");
        for (GeneratorStatus g : list(s.generators())) {
            ObjectNode n = generators.addObject();
            n.put("layer", g.layer());
            n.put("model", g.model());
            n.put("device", g.device());
            n.put("state", g.state());
            number(n, "framesPerSecond", g.framesPerSecond());
            number(n, "latencyMillis", g.latencyMillis());
            n.put("skippedInputs", g.skippedInputs());
            number(n, "skipRatio", g.skipRatio());
            n.put("lastError", g.lastError() == null || g.lastError().isEmpty() ? null : g.lastError());
            n.put("deviceWarning", g.deviceWarning());
        }
        StatusJson.signals(o.putArray("signals"), s.signals());
        StatusJson.devices(o.putArray("cameras"), s.cameras());
        StatusJson.devices(o.putArray("nodes"), s.nodes());
        StatusJson.devices(o.putArray("runtimes"), s.runtimes());
        ArrayNode inputs = o.putArray("inputs");
        for (var input : s.inputs()) {
            ObjectNode n = inputs.addObject().put("source", input.source()).put("accepted", input.accepted());
            ObjectNode dropped = n.putObject("dropped");
            input.dropped().forEach(dropped::put);
        }
        o.set("sound", sound(s.sound()));
        return o;
    }

    /** {@code {inputs: [{name, device, state, levelDb, peakDb, outages, problem}], output: {...} or null}}. */
    private static ObjectNode sound(SoundStatus sound) {
        ObjectNode n = object();
        ArrayNode inputs = n.putArray("inputs");
        for (SoundStatus.Input input : sound.inputs()) {
            ObjectNode i = inputs.addObject().put("name", input.name()).put("device", input.device()).put("state", input.state());
            number(i, "levelDb", input.levelDb());
            number(i, "peakDb", input.peakDb());
            i.put("outages", input.outages());
            i.put("problem", input.problem().isEmpty() ? null : input.problem());
        }
        sound.output().ifPresentOrElse(output -> {
            ObjectNode out = n.putObject("output").put("device", output.device()).put("state", output.state());
            number(out, "gainDb", output.gainDb());
            number(out, "limitDb", output.limitDb());
            out.put("underruns", output.underruns()).put("outages", output.outages());
            out.put("mutedBy", output.mutedBy().isEmpty() ? null : output.mutedBy());
            out.put("problem", output.problem().isEmpty() ? null : output.problem());
        }, () -> n.putNull("output"));
        return n;
    }

    /**
     * A journal entry: {@code time} (ISO-8601, UTC), {@code type}, {@code file} (relative to the journal,
     * null when none) and its {@code fields} as they are.
     */
    static ObjectNode journalEntry(JournalEntry entry) {
        ObjectNode n = object();
        n.put("time", entry.time() == null ? null : entry.time().toString());
        n.put("type", entry.type());
        n.put("file", entry.file() == null || entry.file().isEmpty() ? null : entry.file());
        ObjectNode fields = n.putObject("fields");
        new java.util.TreeMap<>(entry.fields()).forEach((key, value) -> {
            try {
                fields.set(key, MAPPER.valueToTree(value));
            } catch (IllegalArgumentException e) {
                fields.put(key, String.valueOf(value)); // a value Jackson cannot write plainly
            }
        });
        return n;
    }

    private static ObjectNode frames(FrameStatus f) {
        if (f == null) {
            return null;
        }
        ObjectNode n = object();
        number(n, "framesPerSecond", f.framesPerSecond());
        number(n, "p50Millis", f.p50Millis());
        number(n, "p95Millis", f.p95Millis());
        number(n, "p99Millis", f.p99Millis());
        number(n, "maxMillis", f.maxMillis());
        n.put("framesRendered", f.framesRendered());
        ArrayNode recent = n.putArray("recentIntervalsMillis");
        if (f.recentIntervalsMillis() != null) {
            for (float v : f.recentIntervalsMillis()) {
                if (Float.isFinite(v)) {
                    recent.add(v);
                } else {
                    recent.addNull();
                }
            }
        }
        return n;
    }

    private static void number(ObjectNode node, String field, double value) {
        StatusJson.number(node, field, value);
    }

    private static void finite(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
