package org.liquide.render.shader;

import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.function.Function;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass's {@code WIDTH} or {@code HEIGHT}: a math expression of {@code $WIDTH}, {@code $HEIGHT} and the
 * numeric inputs ({@code $blurAmount}), such as {@code "max(floor($WIDTH*0.25), 1.0)"}. Evaluated with
 * exp4j, which brings the usual functions (floor, ceil, sqrt, pow, abs, log...); min, max, clamp, round
 * and trunc are added as ISF files use them. Evaluating allocates: the pipeline evaluates only when the
 * render size or a referenced input changes.
 */
final class SizeExpression {
    static final int MAX_SIZE = 16384;
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final List<Function> FUNCTIONS = List.of(
            new Function("max", 2) {
                @Override
                public double apply(double... args) {
                    return Math.max(args[0], args[1]);
                }
            },
            new Function("min", 2) {
                @Override
                public double apply(double... args) {
                    return Math.min(args[0], args[1]);
                }
            },
            new Function("clamp", 3) {
                @Override
                public double apply(double... args) {
                    return Math.max(args[1], Math.min(args[2], args[0]));
                }
            },
            new Function("round", 1) {
                @Override
                public double apply(double... args) {
                    return Math.rint(args[0]);
                }
            },
            new Function("trunc", 1) {
                @Override
                public double apply(double... args) {
                    return args[0] < 0 ? Math.ceil(args[0]) : Math.floor(args[0]);
                }
            });

    private final String source;
    private final Expression expression;
    private final String[] inputNames;

    private SizeExpression(String source, Expression expression, String[] inputNames) {
        this.source = source;
        this.expression = expression;
        this.inputNames = inputNames;
    }

    /**
     * Compiles an expression; {@code numericInputs} are the inputs it may name. Throws
     * IllegalArgumentException with an artist-facing message when it is not a valid expression.
     */
    static SizeExpression compile(String source, Set<String> numericInputs) {
        Set<String> referenced = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(source);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.equals("WIDTH") && !name.equals("HEIGHT")) {
                if (!numericInputs.contains(name)) {
                    throw new IllegalArgumentException("'$" + name + "' is neither $WIDTH, $HEIGHT nor a float, long, bool or event input");
                }
                referenced.add(name);
            }
        }
        String plain = source.replace("$", "");
        List<String> variables = new ArrayList<>(referenced);
        variables.add("WIDTH");
        variables.add("HEIGHT");
        Expression expression;
        try {
            expression = new ExpressionBuilder(plain)
                    .variables(Set.copyOf(variables))
                    .functions(FUNCTIONS)
                    .implicitMultiplication(false)
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + source + "' is not a valid expression: " + e.getMessage(), e);
        }
        ValidationResult validation = expression.validate(false);
        if (!validation.isValid()) {
            throw new IllegalArgumentException("'" + source + "' is not a valid expression: " + String.join("; ", validation.getErrors()));
        }
        return new SizeExpression(source, expression, referenced.toArray(String[]::new));
    }

    /** The inputs this expression reads, in the order {@link #evaluate} takes their values. */
    String[] inputNames() {
        return inputNames.clone();
    }

    int inputCount() {
        return inputNames.length;
    }

    /**
     * The size in pixels for this render size and these input values, clamped to [1, 16384];
     * a result that is not a number falls back to {@code fallback}.
     */
    int evaluate(int width, int height, float[] inputValues, int fallback) {
        expression.setVariable("WIDTH", width);
        expression.setVariable("HEIGHT", height);
        for (int i = 0; i < inputNames.length; i++) {
            expression.setVariable(inputNames[i], inputValues[i]);
        }
        double value;
        try {
            value = expression.evaluate();
        } catch (ArithmeticException | IllegalArgumentException e) {
            return fallback;
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return fallback;
        }
        return (int) Math.max(1, Math.min(MAX_SIZE, Math.floor(value)));
    }

    String source() {
        return source;
    }
}
