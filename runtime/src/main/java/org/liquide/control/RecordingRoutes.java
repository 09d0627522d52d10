package org.liquide.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.liquide.record.JournalEntry;
import org.liquide.show.api.ShowControl;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recording the output to the journal: {@code POST /api/recording/start} and {@code /stop} answer the
 * file (409 when already recording, or when not), {@code GET /api/recording} says whether a recording
 * runs, which file and since when.
 *
 * <p>{@link ShowControl} has no "is it recording" question, so the answer is read from the journal,
 * where every start ({@code recording-started}) and stop ({@code recording}) is written at once, whoever
 * asked (the panel, OSC): the latest start of today or yesterday with no stop after it. A start from
 * before this server started is a runtime that ended without stopping (a crash) and is not counted. The
 * answer is kept for {@value #CACHE_MILLIS} ms so that several panels polling do not each read the journal.
 */
final class RecordingRoutes {
    static final long CACHE_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRoutes.class);
    private final RateLimitedLog changes = RateLimitedLog.of(LOG);

    /** What the journal says: a recording runs since {@code since}, into {@code file}; or none (nulls). */
    record State(String file, Instant since) {
        static final State NONE = new State(null, null);

        boolean recording() {
            return file != null;
        }
    }

    private final ShowControl show;
    private final Clock clock;
    private final Instant serverStarted;
    private State cached;
    private long cachedAtNanos;

    RecordingRoutes(ShowControl show, Clock clock, Instant serverStarted) {
        this.show = show;
        this.clock = clock;
        this.serverStarted = serverStarted;
    }

    void register(Javalin app) {
        app.get("/api/recording", ctx -> Json.send(ctx, 200, describe(state())));
        app.post("/api/recording/start", ctx -> change(ctx, "start", show::startRecording));
        app.post("/api/recording/stop", ctx -> change(ctx, "stop", show::stopRecording));
    }

    private void change(Context ctx, String what, Supplier<Path> action) {
        Path file;
        try {
            file = action.get();
        } catch (IllegalStateException e) {
            forget();
            throw new ApiException(409, e.getMessage() != null ? e.getMessage()
                    : what.equals("start") ? "already recording" : "not recording");
        }
        forget();
        changes.info("control panel: recording {} ({}, from {})", what.equals("start") ? "started" : "stopped", file, ctx.ip());
        Json.send(ctx, 200, Json.object().put("path", file.toString()));
    }

    private ObjectNode describe(State state) {
        ObjectNode body = Json.object();
        body.put("recording", state.recording());
        body.put("file", state.file());
        body.put("since", state.since() == null ? null : state.since().toString());
        if (state.since() == null) {
            body.putNull("seconds");
        } else {
            body.put("seconds", Math.max(0, Duration.between(state.since(), clock.instant()).toMillis()) / 1000.0);
        }
        return body;
    }

    private synchronized void forget() {
        cached = null;
    }

    synchronized State state() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAtNanos > CACHE_MILLIS * 1_000_000) {
            cached = readJournal();
            cachedAtNanos = now;
        }
        return cached;
    }

    private State readJournal() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), show.journalZone());
        List<JournalEntry> entries = new ArrayList<>(show.journal(today.minusDays(1)));
        entries.addAll(show.journal(today));
        return current(entries, serverStarted);
    }

    /** The recording running after these entries (oldest first): the latest start not stopped since. */
    static State current(List<JournalEntry> entries, Instant notBefore) {
        Set<String> stopped = new HashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry entry = entries.get(i);
            if (entry.type().equals("recording")) {
                stopped.add(entry.file());
            } else if (entry.type().equals("recording-started")) {
                if (stopped.contains(entry.file()) || entry.time().isBefore(notBefore)) {
                    return State.NONE; // the latest start ended, or belongs to an earlier run
                }
                return new State(entry.file(), entry.time());
            }
        }
        return State.NONE;
    }
}
