package org.liquide.render.shader;

import org.liquide.render.shader.InputSpec.Vec2;
import org.liquide.render.shader.InputSpec.Vec4;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The convention for plain GLSL layers: every uniform the file declares that is not a built-in becomes an
 * input the show can set, typed by its GLSL type (float → float, int → long, bool → bool, vec2 → point2D,
 * vec4 → color, sampler2D → image), its initializer ({@code uniform float speed = 0.5;}) as default.
 * Other types (vec3, matrices, arrays) stay at their initializer. A file that uses {@code inputImage}
 * is a filter; Liquide declares it when the file does not.
 */
final class GlslUniforms {
    private static final Pattern UNIFORM = Pattern.compile(
            "\\buniform\\s+(?:(?:lowp|mediump|highp)\\s+)?(\\w+)\\s+(\\w+)\\s*(\\[|=\\s*([^;]*))?\\s*;");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern USES_INPUT_IMAGE = Pattern.compile("\\b" + IsfHeader.FILTER_INPUT + "\\b");

    /** The inputs found and every uniform name the file declares itself (Liquide must not declare those again). */
    record Found(List<InputSpec> inputs, Set<String> declared) {
    }

    private GlslUniforms() {
    }

    static Found scan(String text) {
        String code = withoutComments(text);
        List<InputSpec> inputs = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        Matcher matcher = UNIFORM.matcher(code);
        while (matcher.find()) {
            String type = matcher.group(1);
            String name = matcher.group(2);
            declared.add(name);
            boolean array = "[".equals(matcher.group(3));
            if (array || IsfHeaderParser.BUILT_IN_NAMES.contains(name)) {
                continue;
            }
            int line = lineOf(code, matcher.start());
            float[] init = numbers(matcher.group(4));
            InputSpec input = switch (type) {
                case "float" -> new InputSpec.FloatInput(name, name, line, init.length > 0 ? init[0] : 0f,
                        Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
                case "int" -> new InputSpec.LongInput(name, name, line, init.length > 0 ? Math.round(init[0]) : 0,
                        Integer.MIN_VALUE, Integer.MAX_VALUE, List.of(), List.of());
                case "bool" -> new InputSpec.BoolInput(name, name, line,
                        matcher.group(4) != null && matcher.group(4).strip().equals("true"));
                case "vec2" -> new InputSpec.Point2DInput(name, name, line, new Vec2(at(init, 0), at(init, init.length == 1 ? 0 : 1)),
                        new Vec2(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY), new Vec2(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY));
                case "vec4" -> new InputSpec.ColorInput(name, name, line, vec4(init),
                        new Vec4(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY),
                        new Vec4(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY));
                case "sampler2D" -> new InputSpec.ImageInput(name, name, line);
                default -> null;
            };
            if (input != null) {
                inputs.add(input);
            }
        }
        if (!declared.contains(IsfHeader.FILTER_INPUT) && USES_INPUT_IMAGE.matcher(code).find()) {
            inputs.addFirst(new InputSpec.ImageInput(IsfHeader.FILTER_INPUT, IsfHeader.FILTER_INPUT, 0));
        }
        return new Found(inputs, declared);
    }

    private static float at(float[] values, int index) {
        return index < values.length ? values[index] : 0f;
    }

    private static Vec4 vec4(float[] init) {
        if (init.length == 0) {
            return new Vec4(0f, 0f, 0f, 0f);
        }
        if (init.length == 1) {
            return new Vec4(init[0], init[0], init[0], init[0]);
        }
        return new Vec4(at(init, 0), at(init, 1), at(init, 2), init.length > 3 ? init[3] : 1f);
    }

    /** The numbers of a simple initializer ({@code 0.5}, {@code vec2(0.2, 0.8)}); none for anything else. */
    private static float[] numbers(String initializer) {
        if (initializer == null) {
            return new float[0];
        }
        String text = initializer.strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return new float[]{text.equals("true") ? 1f : 0f};
        }
        Matcher number = NUMBER.matcher(text.replaceFirst("^(vec[234]|float|int)\\s*\\(", "").replace(")", ""));
        List<Float> values = new ArrayList<>();
        while (number.find()) {
            values.add(Float.parseFloat(number.group()));
        }
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    /** The text with comments blanked out (line breaks kept, so offsets and lines stay the same). */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
