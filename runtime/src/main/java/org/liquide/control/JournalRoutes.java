package org.liquide.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.liquide.record.JournalEntry;
import org.liquide.show.api.ShowControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal, for the panel's timeline and contact sheet:
 * <ul>
 *   <li>{@code GET /api/journal?day=YYYY-MM-DD}: a day's entries, oldest first (default: today on this
 *       machine's clock);</li>
 *   <li>{@code GET /api/journal/files/<path>}: a file an entry names (a snapshot, a text copy, a diff, a
 *       recording), by its path relative to the journal.</li>
 * </ul>
 * A file path must look like one the journal writes (1 to 6 segments of letters, digits, '.', '_' and
 * '-', none starting with a dot, ending in .jpg, .mp4, .txt or .diff) before {@link ShowControl#journalFile}
 * is asked, which also keeps to the journal's folder. Recordings answer byte ranges (phones play video
 * only that way).
 */
final class JournalRoutes {
    static final String FILES = "/api/journal/files/";
    private static final Logger LOG = LoggerFactory.getLogger(JournalRoutes.class);
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final int MAX_SEGMENTS = 6;
    private static final int MAX_PATH = 512;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
    /** What the journal serves, by extension: nothing else (journal.jsonl, stray files) leaves it. */
    static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg",
            "mp4", "video/mp4",
            "txt", "text/plain;charset=utf-8",
            "diff", "text/plain;charset=utf-8");

    private final ShowControl show;
    private final Clock clock;

    JournalRoutes(ShowControl show, Clock clock) {
        this.show = show;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.get("/api/journal", this::day);
        // <path> (not {path}): the relative path holds slashes.
        app.get(FILES + "<path>", this::file);
    }

    private void day(Context ctx) {
        List<String> days = ctx.queryParams("day");
        if (days.size() > 1) {
            throw ApiException.badRequest("give one day");
        }
        LocalDate day = days.isEmpty() ? LocalDate.ofInstant(clock.instant(), show.journalZone()) : parseDay(days.getFirst());
        ObjectNode body = Json.object();
        body.put("day", day.toString());
        ArrayNode entries = body.putArray("entries");
        for (JournalEntry entry : show.journal(day)) {
            entries.add(Json.journalEntry(entry));
        }
        Json.send(ctx, 200, body);
    }

    static LocalDate parseDay(String text) {
        if (text == null || !DAY.matcher(text).matches()) {
            throw ApiException.badRequest("\"day\" must be a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("\"day\" is not a real date: " + text);
        }
    }

    /** The content type a journal path is served with, or empty when its shape is not one the journal writes. */
    static Optional<String> typeOf(String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > MAX_PATH) {
            return Optional.empty();
        }
        String[] segments = relative.split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return Optional.empty();
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        String last = segments[segments.length - 1];
        int dot = last.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(TYPES.get(last.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    private void file(Context ctx) {
        String relative = ctx.pathParam("path");
        String type = typeOf(relative).orElseThrow(() -> ApiException.badRequest(
                "journal files are named as the journal's entries name them (such as snapshots/2027-01-15/180405-biais.jpg)"));
        Path file = show.journalFile(relative).orElseThrow(() -> ApiException.notFound("no journal file " + relative));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = 0;
            long length = size;
            String range = ctx.header("Range");
            Matcher m = range == null ? null : RANGE.matcher(range.strip());
            if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long[] span = span(m.group(1), m.group(2), size);
                if (span == null) {
                    throw new ApiException(416, "the range is outside the file (" + size + " bytes)",
                            Map.of("Content-Range", "bytes */" + size));
                }
                from = span[0];
                length = span[1] - span[0] + 1;
                ctx.status(206).header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size);
            }
            // Anything else in Range (several ranges, another unit) is ignored: the whole file answers.
            String name = file.getFileName().toString();
            ctx.header("Content-Security-Policy", SecurityHeaders.FILE_CSP);
            ctx.header("Accept-Ranges", "bytes");
            ctx.header("Content-Disposition", "inline; filename=\"" + name + "\"");
            ctx.header("Content-Length", Long.toString(length));
            ctx.contentType(type);
            channel.position(from);
            copy(channel, length, ctx.res().getOutputStream());
        } catch (java.nio.file.NoSuchFileException e) {
            throw ApiException.notFound("no journal file " + relative);
        } catch (IOException e) {
            // Mostly a player or a browser dropping the connection mid-file, which they do all the time.
            LOG.debug("control panel: sending {} stopped ({})", relative, e.toString());
        }
    }

    /** [first, last] of a satisfiable byte range, or null; last is clamped to the file. */
    private static long[] span(String first, String last, long size) {
        try {
            if (first.isEmpty()) { // the last N bytes
                long suffix = Long.parseLong(last);
                return suffix == 0 || size == 0 ? null : new long[]{Math.max(0, size - suffix), size - 1};
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            return start >= size || end < start ? null : new long[]{start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void copy(FileChannel channel, long length, OutputStream out) throws IOException {
        InputStream in = Channels.newInputStream(channel);
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        out.flush();
    }
}
