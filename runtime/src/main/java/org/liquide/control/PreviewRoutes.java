package org.liquide.control;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.liquide.render.readback.PreviewFrames;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/preview/{output}.jpg}: the latest JPEG of an output, with its version as ETag so a
 * poller sending If-None-Match gets 304 until a new one is ready. Output names are letters, digits,
 * '_' and '-' only: anything else is 404 before {@link PreviewFrames} is asked.
 */
final class PreviewRoutes {
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9_-]{1,64})\\.jpg");

    private final PreviewFrames previews;

    PreviewRoutes(PreviewFrames previews) {
        this.previews = previews;
    }

    void register(Javalin app) {
        app.get("/api/preview/{file}", this::preview);
    }

    private void preview(Context ctx) {
        Matcher m = FILE.matcher(ctx.pathParam("file"));
        if (!m.matches()) {
            throw ApiException.notFound("previews are at /api/preview/<output>.jpg (letters, digits, _ and -)");
        }
        String output = m.group(1);
        long version = previews.version(output);
        String etag = "\"" + version + "\"";
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.header("ETag", etag).status(304);
            return;
        }
        Optional<byte[]> jpeg = previews.latestJpeg(output);
        if (jpeg.isEmpty()) {
            throw ApiException.notFound("no preview of " + output + " yet");
        }
        ctx.header("ETag", etag).contentType("image/jpeg").result(jpeg.get());
    }
}
