package org.liquide.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies with a hard size bound: a declared length over {@link #MAX_BYTES} is refused
 * before reading (413), and an undeclared one (chunked) is read up to the bound and refused past it.
 * Nothing here trusts Javalin's body cache, whose bound only looks at Content-Length.
 */
final class RequestBodies {
    static final int MAX_BYTES = 16 * 1024;
    private static final String BODY_ATTRIBUTE = "liquide.body";

    private RequestBodies() {
    }

    /** Before every request: refuses a declared body over the bound at once. */
    static void refuseDeclaredOversize(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
    }

    static byte[] bytes(Context ctx) {
        Object cached = ctx.attribute(BODY_ATTRIBUTE);
        if (cached instanceof byte[] bytes) {
            return bytes;
        }
        refuseDeclaredOversize(ctx);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        ctx.attribute(BODY_ATTRIBUTE, bytes);
        return bytes;
    }

    /** The body as a JSON object; 415 unless sent as application/json, 400 unless an object. */
    static JsonNode jsonObject(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send a JSON body with Content-Type: application/json");
        }
        byte[] body = bytes(ctx);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return node;
    }

    static String requiredString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw ApiException.badRequest("\"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    static boolean requiredBoolean(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw ApiException.badRequest("\"" + field + "\" must be true or false");
        }
        return value.booleanValue();
    }

    static double requiredNumber(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw ApiException.badRequest("\"" + field + "\" must be a finite number");
        }
        return value.doubleValue();
    }

    /** An application/x-www-form-urlencoded body (the login form), bounded like the rest. */
    static Map<String, String> form(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new ApiException(415, "send the form as application/x-www-form-urlencoded");
        }
        String body = new String(bytes(ctx), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the form is not URL-encoded properly");
            }
        }
        return fields;
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "the request body is larger than " + MAX_BYTES + " bytes");
    }
}
