package org.liquide.render.shader;

import org.liquide.sound.AudioTap;

import com.fasterxml.jackson.databind.JsonNode;
import org.liquide.render.shader.InputSpec.Vec2;
import org.liquide.render.shader.InputSpec.Vec4;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the JSON header of an ISF file (the {@code /*{ ... }*}{@code /} comment at its top) into an
 * {@link IsfHeader}. Errors point at the artist's file: a JSON syntax error at its line and column,
 * a wrong attribute at the line and column of its value. All header errors are reported at once.
 */
final class IsfHeaderParser {
    /** Names the host declares in every shader; inputs, targets and imports may not take them. */
    static final Set<String> BUILT_IN_NAMES = Set.of("PASSINDEX", "RENDERSIZE", "TIME", "TIMEDELTA", "DATE",
            "FRAMEINDEX", "isf_FragNormCoord", "isf_FragColor", "isf_FragCoord", "VERTEXDATA");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Where the header comment lies in the file: offsets of its JSON text and of the shader after it. */
    record Split(int jsonStart, int jsonEnd, int bodyStart, int closeLine) {
    }

    private final HeaderReader json;
    private final Path directory;

    private IsfHeaderParser(HeaderReader json, Path directory) {
        this.json = json;
        this.directory = directory;
    }

    /**
     * Finds the header comment: the first {@code /*} of the file (only whitespace and line comments
     * before it) up to the next {@code *}{@code /}. Empty when the file does not start with one.
     */
    static Optional<Split> split(String text) {
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (text.startsWith("//", at)) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
            } else {
                break;
            }
        }
        if (!text.startsWith("/*", at)) {
            return Optional.empty();
        }
        int close = text.indexOf("*/", at + 2);
        if (close < 0) {
            return Optional.empty();
        }
        int closeLine = 1;
        for (int i = 0; i < close; i++) {
            if (text.charAt(i) == '\n') {
                closeLine++;
            }
        }
        return Optional.of(new Split(at + 2, close, close + 2, closeLine));
    }

    /** True when the text starts with a comment that holds a JSON object: an ISF header. */
    static boolean looksLikeIsf(String text) {
        return split(text).map(s -> text.substring(s.jsonStart(), s.jsonEnd()).strip().startsWith("{")).orElse(false);
    }

    /** Parses the header; {@code directory} resolves IMPORTED paths (null: the working directory). */
    static Parsed parse(String file, String text, Split split, Path directory) throws ShaderException {
        StringBuilder masked = new StringBuilder(split.jsonEnd());
        for (int i = 0; i < split.jsonStart(); i++) {
            masked.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
        masked.append(text, split.jsonStart(), split.jsonEnd());
        HeaderReader json = new HeaderReader(file, masked.toString());
        IsfHeader header = new IsfHeaderParser(json, directory).parse(json.readTree());
        return new Parsed(header, List.copyOf(json.warnings()));
    }

    record Parsed(IsfHeader header, List<Diagnostic> warnings) {
    }

    private IsfHeader parse(JsonNode root) throws ShaderException {
        if (root == null || !root.isObject()) {
            throw new ShaderException(Diagnostic.error(json.file(), 1, 0, "the ISF header must be a JSON object { ... }"));
        }
        json.checkKeys(root, "", TOP_KEYS);
        String description = json.string(root, "", "DESCRIPTION").orElse("");
        String credit = json.string(root, "", "CREDIT").orElse("");
        String isfVersion = json.versionString(root, "ISFVSN").orElse("1");
        String version = json.versionString(root, "VSN").orElse("");
        List<String> categories = json.strings(root, "", "CATEGORIES");

        Set<String> names = new HashSet<>();
        List<InputSpec> inputs = inputs(root.get("INPUTS"), names);
        List<ImportSpec> imports = imports(root.get("IMPORTED"), names);
        Set<String> persistentV1 = persistentBuffersV1(root.get("PERSISTENT_BUFFERS"));
        List<PassSpec> passes = passes(root.get("PASSES"), names, inputs, persistentV1);
        if (!json.errors().isEmpty()) {
            throw new ShaderException(json.errors());
        }
        return new IsfHeader(description, credit, categories, isfVersion, version, inputs, passes, imports);
    }

    // ---- INPUTS ----

    private List<InputSpec> inputs(JsonNode node, Set<String> names) {
        List<InputSpec> inputs = new ArrayList<>();
        if (node == null || node.isNull()) {
            return inputs;
        }
        if (!node.isArray()) {
            json.error("/INPUTS", "INPUTS must be an array of input descriptions");
            return inputs;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/INPUTS/" + i;
            JsonNode input = node.get(i);
            if (!input.isObject()) {
                json.error(at, "each entry of INPUTS must be an object with NAME and TYPE");
                continue;
            }
            json.checkKeys(input, at, INPUT_KEYS);
            Optional<String> name = identifier(input, at, "NAME", names);
            Optional<String> type = json.string(input, at, "TYPE");
            if (type.isEmpty() && !input.has("TYPE")) {
                json.error(at, "input " + name.map(n -> "'" + n + "' ").orElse("") + "has no TYPE");
            }
            if (name.isEmpty() || type.isEmpty()) {
                continue;
            }
            String label = json.string(input, at, "LABEL").orElse(name.get());
            int line = json.line(at);
            InputSpec spec = switch (type.get()) {
                case "event" -> new InputSpec.EventInput(name.get(), label, line);
                case "bool" -> new InputSpec.BoolInput(name.get(), label, line, json.bool(input, at, "DEFAULT").orElse(false));
                case "long" -> longInput(input, at, name.get(), label, line);
                case "float" -> floatInput(input, at, name.get(), label, line);
                case "point2D" -> point2D(input, at, name.get(), label, line);
                case "color" -> color(input, at, name.get(), label, line);
                case "image" -> new InputSpec.ImageInput(name.get(), label, line);
                case "audio", "audioFFT" -> audio(input, at, name.get(), label, line, type.get().equals("audioFFT"));
                case "cube" -> {
                    json.error(at + "/TYPE", "input '" + name.get() + "': cube-map inputs are not supported by Liquide");
                    yield null;
                }
                default -> {
                    json.error(at + "/TYPE", "input '" + name.get() + "' has unknown TYPE \"" + type.get()
                            + "\" (expected event, bool, long, float, point2D, color, image, audio or audioFFT)");
                    yield null;
                }
            };
            if (spec != null) {
                inputs.add(spec);
            }
        }
        return inputs;
    }

    private InputSpec longInput(JsonNode input, String at, String name, String label, int line) {
        List<Integer> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        JsonNode valuesNode = input.get("VALUES");
        if (valuesNode != null) {
            if (!valuesNode.isArray()) {
                json.error(at + "/VALUES", "input '" + name + "': VALUES must be an array of integers");
            } else {
                for (int i = 0; i < valuesNode.size(); i++) {
                    JsonNode v = valuesNode.get(i);
                    if (v.isNumber()) {
                        values.add((int) Math.round(v.asDouble()));
                    } else {
                        json.error(at + "/VALUES/" + i, "input '" + name + "': VALUES must hold integers, found " + v);
                    }
                }
            }
            labels = json.strings(input, at, "LABELS");
            if (input.has("LABELS") && labels.size() != values.size()) {
                json.error(at + "/LABELS", "input '" + name + "': LABELS has " + labels.size() + " entries but VALUES has " + values.size());
            }
            if (values.isEmpty()) {
                json.error(at + "/VALUES", "input '" + name + "': VALUES is empty");
                values.add(0);
            }
            while (labels.size() < values.size()) {
                labels.add(String.valueOf(values.get(labels.size())));
            }
        }
        int min;
        int max;
        if (!values.isEmpty()) {
            min = values.stream().mapToInt(Integer::intValue).min().orElse(0);
            max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
        } else {
            min = json.number(input, at, "MIN").map(d -> (int) Math.round(d)).orElse(Integer.MIN_VALUE);
            max = json.number(input, at, "MAX").map(d -> (int) Math.round(d)).orElse(Integer.MAX_VALUE);
            if (min > max) {
                warnSwapped(at, name, String.valueOf(min), String.valueOf(max));
                int declaredMin = min;
                min = max;
                max = declaredMin;
            }
        }
        int fallback = !values.isEmpty() ? values.getFirst() : min != Integer.MIN_VALUE ? min : 0;
        int defaultValue = json.number(input, at, "DEFAULT").map(d -> (int) Math.round(d)).orElse(fallback);
        defaultValue = Math.max(min, Math.min(max, defaultValue));
        return new InputSpec.LongInput(name, label, line, defaultValue, min, max, values, labels);
    }

    private InputSpec floatInput(JsonNode input, String at, String name, String label, int line) {
        Optional<Double> minValue = json.number(input, at, "MIN");
        Optional<Double> maxValue = json.number(input, at, "MAX");
        float min = minValue.map(Double::floatValue).orElse(Float.NEGATIVE_INFINITY);
        float max = maxValue.map(Double::floatValue).orElse(Float.POSITIVE_INFINITY);
        // Like the reference implementation: no DEFAULT means the middle of MIN..MAX, 0..1 when absent.
        float lo = minValue.isPresent() && maxValue.isPresent() ? min : 0f;
        float hi = minValue.isPresent() && maxValue.isPresent() ? max : 1f;
        float defaultValue = json.number(input, at, "DEFAULT").map(Double::floatValue).orElse((lo + hi) / 2f);
        if (min > max) {
            warnSwapped(at, name, String.valueOf(min), String.valueOf(max));
            // The reference host clamps the default against MIN first, then MAX, as written.
            defaultValue = defaultValue < min ? min : defaultValue > max ? max : defaultValue;
            return new InputSpec.FloatInput(name, label, line, defaultValue, max, min);
        }
        return new InputSpec.FloatInput(name, label, line, Math.max(min, Math.min(max, defaultValue)), min, max);
    }

    /**
     * A range written the wrong way round (MIN above MAX), as some files of the public collections have:
     * ISF hosts draw them, so Liquide reads the range from the smaller to the larger value and says so.
     */
    private void warnSwapped(String at, String name, String min, String max) {
        json.warning(at + "/MIN", "input '" + name + "': MIN " + min + " is greater than MAX " + max
                + ": read as the range " + max + " to " + min);
    }

    private InputSpec point2D(JsonNode input, String at, String name, String label, int line) {
        float[] def = json.vector(input, at, "DEFAULT", 2, 2, name).orElse(new float[]{0f, 0f});
        float[] min = json.vector(input, at, "MIN", 2, 2, name).orElse(new float[]{Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY});
        float[] max = json.vector(input, at, "MAX", 2, 2, name).orElse(new float[]{Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY});
        for (int i = 0; i < 2; i++) {
            if (min[i] > max[i]) {
                warnSwapped(at, name, String.valueOf(min[i]), String.valueOf(max[i]));
                float declaredMin = min[i];
                min[i] = max[i];
                max[i] = declaredMin;
            }
        }
        return new InputSpec.Point2DInput(name, label, line,
                new Vec2(clamp(def[0], min[0], max[0]), clamp(def[1], min[1], max[1])),
                new Vec2(min[0], min[1]), new Vec2(max[0], max[1]));
    }

    private InputSpec color(JsonNode input, String at, String name, String label, int line) {
        float[] def = json.vector(input, at, "DEFAULT", 3, 4, name).orElse(new float[]{0f, 0f, 0f, 1f});
        float[] min = json.vector(input, at, "MIN", 3, 4, name).orElse(new float[]{0f, 0f, 0f, 0f});
        float[] max = json.vector(input, at, "MAX", 3, 4, name).orElse(new float[]{1f, 1f, 1f, 1f});
        for (int i = 0; i < 4; i++) {
            def[i] = clamp(def[i], min[i], max[i]);
        }
        return new InputSpec.ColorInput(name, label, line, new Vec4(def[0], def[1], def[2], def[3]),
                new Vec4(min[0], min[1], min[2], min[3]), new Vec4(max[0], max[1], max[2], max[3]));
    }

    private InputSpec audio(JsonNode input, String at, String name, String label, int line, boolean fft) {
        // without MAX, what the host has natively: the analysis's 1024 samples, or its 512 bins above 0 Hz
        int samples = json.number(input, at, "MAX").map(d -> (int) Math.max(1, Math.min(4096, Math.round(d))))
                .orElse(fft ? AudioTap.BINS - 1 : AudioTap.WAVEFORM);
        return new InputSpec.AudioInput(name, label, line, fft, samples);
    }

    // ---- IMPORTED ----

    private List<ImportSpec> imports(JsonNode node, Set<String> names) {
        List<ImportSpec> imports = new ArrayList<>();
        if (node == null || node.isNull()) {
            return imports;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String at = "/IMPORTED/" + entry.getKey();
                JsonNode value = entry.getValue();
                if (!value.isObject()) {
                    json.error(at, "IMPORTED '" + entry.getKey() + "' must be an object with a PATH");
                    continue;
                }
                json.checkKeys(value, at, IMPORT_KEYS);
                String name = value.has("NAME") ? identifier(value, at, "NAME", names).orElse(null)
                        : checkName(entry.getKey(), at, names);
                addImport(imports, value, at, name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = "/IMPORTED/" + i;
                JsonNode value = node.get(i);
                if (!value.isObject()) {
                    json.error(at, "each entry of IMPORTED must be an object with NAME and PATH");
                    continue;
                }
                json.checkKeys(value, at, IMPORT_KEYS);
                addImport(imports, value, at, identifier(value, at, "NAME", names).orElse(null));
            }
        } else {
            json.error("/IMPORTED", "IMPORTED must be an object of images by name");
        }
        return imports;
    }

    private void addImport(List<ImportSpec> imports, JsonNode value, String at, String name) {
        if (json.string(value, at, "TYPE").filter("cube"::equals).isPresent()) {
            json.error(at + "/TYPE", "IMPORTED '" + name + "': cube maps are not supported by Liquide");
            return;
        }
        Optional<String> path = json.string(value, at, "PATH");
        if (path.isEmpty()) {
            if (!value.has("PATH")) {
                json.error(at, "IMPORTED '" + name + "' has no PATH");
            }
            return;
        }
        if (name != null) {
            Path resolved = directory == null ? Path.of(path.get()) : directory.resolve(path.get()).normalize();
            imports.add(new ImportSpec(name, resolved, json.line(at + "/PATH")));
        }
    }

    // ---- PASSES ----

    private Set<String> persistentBuffersV1(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node == null || node.isNull()) {
            return names;
        }
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        } else if (node.isObject()) {
            node.properties().forEach(e -> names.add(e.getKey()));
        }
        return names;
    }

    private List<PassSpec> passes(JsonNode node, Set<String> names, List<InputSpec> inputs, Set<String> persistentV1) {
        List<PassSpec> passes = new ArrayList<>();
        if (node == null || node.isNull()) {
            return passes;
        }
        if (!node.isArray()) {
            json.error("/PASSES", "PASSES must be an array of pass descriptions");
            return passes;
        }
        Set<String> numericInputs = new HashSet<>();
        for (InputSpec input : inputs) {
            if (input instanceof InputSpec.FloatInput || input instanceof InputSpec.LongInput
                    || input instanceof InputSpec.BoolInput || input instanceof InputSpec.EventInput) {
                numericInputs.add(input.name());
            }
        }
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/PASSES/" + i;
            JsonNode pass = node.get(i);
            if (!pass.isObject()) {
                json.error(at, "each entry of PASSES must be an object");
                continue;
            }
            json.checkKeys(pass, at, PASS_KEYS);
            Optional<String> target = Optional.empty();
            if (pass.has("TARGET")) {
                Optional<String> name = json.string(pass, at, "TARGET");
                if (name.isPresent()) {
                    if (targets.containsKey(name.get())) {
                        target = name;
                    } else {
                        target = Optional.ofNullable(checkName(name.get(), at + "/TARGET", names));
                        targets.put(name.get(), i);
                    }
                }
            }
            boolean persistent = json.flag(pass, at, "PERSISTENT") || target.filter(persistentV1::contains).isPresent();
            boolean floatBuffer = json.flag(pass, at, "FLOAT");
            Optional<String> width = sizeExpression(pass, at, "WIDTH", numericInputs);
            Optional<String> height = sizeExpression(pass, at, "HEIGHT", numericInputs);
            passes.add(new PassSpec(target, persistent, floatBuffer, width, height, json.line(at)));
        }
        return passes;
    }

    private Optional<String> sizeExpression(JsonNode pass, String at, String key, Set<String> numericInputs) {
        JsonNode value = pass.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String source;
        if (value.isNumber()) {
            source = value.asText();
        } else if (value.isTextual()) {
            source = value.asText();
        } else {
            json.error(at + "/" + key, key + " must be a number or an expression such as \"$WIDTH/2\"");
            return Optional.empty();
        }
        try {
            SizeExpression.compile(source, numericInputs);
        } catch (IllegalArgumentException e) {
            json.error(at + "/" + key, key + ": " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(source);
    }

    // ---- values ----

    private static final Set<String> TOP_KEYS = Set.of("DESCRIPTION", "CREDIT", "CATEGORIES", "ISFVSN", "VSN", "INPUTS",
            "PASSES", "IMPORTED", "PERSISTENT_BUFFERS");
    private static final Set<String> INPUT_KEYS = Set.of("NAME", "TYPE", "LABEL", "DESCRIPTION", "DEFAULT", "MIN", "MAX",
            "IDENTITY", "VALUES", "LABELS");
    private static final Set<String> PASS_KEYS = Set.of("TARGET", "PERSISTENT", "FLOAT", "WIDTH", "HEIGHT", "DESCRIPTION");
    private static final Set<String> IMPORT_KEYS = Set.of("NAME", "PATH", "TYPE");

    private Optional<String> identifier(JsonNode node, String at, String key, Set<String> names) {
        Optional<String> name = json.string(node, at, key);
        if (name.isEmpty()) {
            if (!node.has(key)) {
                json.error(at, "missing " + key);
            }
            return Optional.empty();
        }
        return Optional.ofNullable(checkName(name.get(), at + "/" + key, names));
    }

    /** Returns the name when it is a usable, unique GLSL identifier; reports an error and returns null otherwise. */
    private String checkName(String name, String at, Set<String> names) {
        if (!IDENTIFIER.matcher(name).matches()) {
            json.error(at, "'" + name + "' is not a valid name: letters, digits and _ only, not starting with a digit");
            return null;
        }
        if (BUILT_IN_NAMES.contains(name) || name.startsWith("gl_")) {
            json.error(at, "'" + name + "' is a built-in name; choose another");
            return null;
        }
        if (!names.add(name)) {
            json.error(at, "the name '" + name + "' is used twice (inputs, pass targets and imported images share one namespace)");
            return null;
        }
        return name;
    }

    private static float clamp(float value, float min, float max) {
        return Math.max(min, Math.min(max, value));
    }
}
