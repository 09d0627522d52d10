package org.liquide.render.shader;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads JSON for the header parser, keeping where each value is in the artist's file: typed values with
 * errors that name the line and column of the value at fault (by JSON pointer, such as
 * {@code /INPUTS/2/TYPE}), and the errors and warnings collected so far.
 */
final class HeaderReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String file;
    private final String json;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Map<String, int[]> locations = new HashMap<>();

    /** {@code json} has the file's line breaks and columns: what precedes the JSON is blanked, not removed. */
    HeaderReader(String file, String json) {
        this.file = file;
        this.json = json;
    }

    /** Parses the JSON, or throws with the line and column of the syntax error. */
    JsonNode readTree() throws ShaderException {
        try {
            JsonNode root = MAPPER.readTree(json);
            recordLocations();
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            int column = location == null ? 0 : location.getColumnNr();
            throw new ShaderException(Diagnostic.error(file, Math.max(line, 0), Math.max(column, 0),
                    "invalid JSON in the ISF header: " + readable(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ShaderException(Diagnostic.error(file, 0, 0, "cannot read the ISF header: " + e.getMessage()));
        }
    }

    String file() {
        return file;
    }

    List<Diagnostic> errors() {
        return errors;
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    /** Jackson's message without its internal source descriptions: "(for Array starting at line 1, column 15)". */
    static String readable(String message) {
        return JACKSON_LOCATION.matcher(message).replaceAll("line $1, column $2");
    }

    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /**
     * ISF attributes are upper case, but files in the public collections also write them otherwise
     * ({@code "persistent": true}) and mean the same: such a key is read as its upper-case attribute,
     * with a warning, unless the upper-case one is there too. Other unknown keys are host extensions.
     */
    void checkKeys(JsonNode node, String at, Set<String> known) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String key : object.properties().stream().map(Map.Entry::getKey).toList()) {
            String upper = key.toUpperCase(Locale.ROOT);
            if (known.contains(key) || !known.contains(upper)) {
                continue;
            }
            int[] where = location(at + "/" + key);
            if (object.has(upper)) {
                warnings.add(Diagnostic.warning(file, where[0], where[1], "\"" + key + "\" is ignored: \"" + upper
                        + "\" is given too"));
                continue;
            }
            warnings.add(Diagnostic.warning(file, where[0], where[1], "\"" + key + "\" is read as \"" + upper
                    + "\": ISF attributes are upper case"));
            object.set(upper, object.remove(key));
            String from = at + "/" + key;
            for (Map.Entry<String, int[]> entry : List.copyOf(locations.entrySet())) {
                String pointer = entry.getKey();
                if (pointer.equals(from) || pointer.startsWith(from + "/")) {
                    locations.putIfAbsent(at + "/" + upper + pointer.substring(from.length()), entry.getValue());
                }
            }
        }
    }

    Optional<String> string(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            error(at + "/" + key, key + " must be a string, found " + value);
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    Optional<String> versionString(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual() || value.isNumber()) {
            return Optional.of(value.asText());
        }
        error("/" + key, key + " must be a version string such as \"2.0\"");
        return Optional.empty();
    }

    List<String> strings(JsonNode node, String at, String key) {
        List<String> result = new ArrayList<>();
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            error(at + "/" + key, key + " must be an array of strings");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                result.add(value.get(i).asText());
            } else {
                error(at + "/" + key + "/" + i, key + " must hold strings, found " + value.get(i));
            }
        }
        return result;
    }

    Optional<Double> number(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.asDouble());
        }
        if (value.isBoolean()) {
            return Optional.of(value.asBoolean() ? 1.0 : 0.0);
        }
        error(at + "/" + key, key + " must be a number, found " + value);
        return Optional.empty();
    }

    Optional<Boolean> bool(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.asBoolean());
        }
        if (value.isNumber()) {
            return Optional.of(value.asDouble() > 0);
        }
        error(at + "/" + key, key + " must be true or false, found " + value);
        return Optional.empty();
    }

    /** PERSISTENT and FLOAT: true, a positive number, or a string such as "true", "1", "YES". */
    boolean flag(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            String text = value.asText().strip().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0", "" -> false;
                default -> {
                    error(at + "/" + key, key + " must be true or false, found \"" + value.asText() + "\"");
                    yield false;
                }
            };
        }
        return bool(node, at, key).orElse(false);
    }

    Optional<float[]> vector(JsonNode node, String at, String key, int minLength, int length, String name) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray() || value.size() < minLength || value.size() > length) {
            error(at + "/" + key, "input '" + name + "': " + key + " must be an array of "
                    + (minLength == length ? length : minLength + " or " + length) + " numbers, found " + value);
            return Optional.empty();
        }
        float[] result = new float[length];
        result[length - 1] = 1f;
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isNumber()) {
                error(at + "/" + key + "/" + i, "input '" + name + "': " + key + " must hold numbers, found " + value.get(i));
                return Optional.empty();
            }
            result[i] = (float) value.get(i).asDouble();
        }
        return Optional.of(result);
    }

    // ---- locations ----

    /** Records the line and column of every value by its JSON pointer, for errors about attributes. */
    private void recordLocations() throws IOException {
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT) {
                    keys.push(new HashSet<>());
                } else if (token == JsonToken.END_OBJECT) {
                    keys.pop();
                } else if (token == JsonToken.FIELD_NAME && !keys.isEmpty() && !keys.peek().add(parser.currentName())) {
                    // Hosts read such files (their JSON parsers keep the last value); so does Liquide.
                    JsonLocation at = parser.currentTokenLocation();
                    warnings.add(Diagnostic.warning(file, at.getLineNr(), at.getColumnNr(), "\"" + parser.currentName()
                            + "\" is given twice in this object: the last one counts"));
                }
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonLocation location = parser.currentTokenLocation();
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    pointer = parser.getParsingContext().getParent() == null ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                locations.putIfAbsent(pointer, new int[]{location.getLineNr(), location.getColumnNr()});
            }
        }
    }

    private int[] location(String pointer) {
        String at = pointer;
        while (true) {
            int[] found = locations.get(at);
            if (found != null) {
                return found;
            }
            int slash = at.lastIndexOf('/');
            if (slash < 0) {
                return new int[]{0, 0};
            }
            at = at.substring(0, slash);
        }
    }

    int line(String pointer) {
        return location(pointer)[0];
    }

    int column(String pointer) {
        return location(pointer)[1];
    }

    void warning(String pointer, String message) {
        int[] at = location(pointer);
        warnings.add(Diagnostic.warning(file, at[0], at[1], message));
    }

    void error(String pointer, String message) {
        int[] at = location(pointer);
        errors.add(Diagnostic.error(file, at[0], at[1], message));
    }
}
