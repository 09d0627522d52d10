package org.liquide.generate.equivalent;

import org.liquide.generate.onnx.Attribute;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The layers the diffusion networks are made of, as ONNX operators on one graph: linear and convolution
 * layers with random weights of standard deviation 1/sqrt(fan-in) (so activations stay near 1 and float16
 * does not overflow), GroupNorm and LayerNorm with unit scales, SiLU, GELU and multi-head attention. Every
 * shape but the batch is fixed, so each reshape is a constant that keeps the batch ({@link #BATCH}).
 */
final class NetworkBuilder {
    private static final float BIAS_DEVIATION = 0.02f;
    /** In a reshape's shape, 0 keeps the input's size on that axis: the batch, whatever it is. */
    static final long BATCH = 0;

    final OnnxGraph graph;
    final ElementType type;
    private final SplittableRandom random;
    private int names;

    NetworkBuilder(OnnxGraph graph, ElementType type, long seed) {
        this.graph = graph;
        this.type = type;
        this.random = new SplittableRandom(seed);
    }

    String weight(String hint, float deviation, long... dims) {
        return graph.weight(hint, type, dims, deviation, random);
    }

    String linear(String x, int in, int out, boolean bias) {
        String y = graph.node("MatMul", List.of(x, weight("linear", (float) (1 / Math.sqrt(in)), in, out)));
        return bias ? add(y, weight("linear_bias", BIAS_DEVIATION, out)) : y;
    }

    String conv(String x, int in, int out, int kernel, int stride, long... pads) {
        return graph.node("Conv", List.of(x,
                        weight("conv", (float) (1 / Math.sqrt((double) in * kernel * kernel)), out, in, kernel, kernel),
                        weight("conv_bias", BIAS_DEVIATION, out)),
                Attribute.ints("kernel_shape", kernel, kernel), Attribute.ints("strides", stride, stride),
                Attribute.ints("pads", pads));
    }

    /** A k×k convolution that keeps the size (padding k/2), or halves it with stride 2. */
    String conv(String x, int in, int out, int kernel) {
        long pad = kernel / 2;
        return conv(x, in, out, kernel, 1, pad, pad, pad, pad);
    }

    /** GroupNorm over [B, C, H, W]: InstanceNormalization on [B, groups, rest], then per-channel scale and shift. */
    String groupNorm(String x, int channels, int height, int width, float epsilon) {
        int groups = SdTurboShape.GROUPS;
        String grouped = reshape(x, BATCH, groups, (long) channels / groups * height * width);
        String normed = graph.node("InstanceNormalization", List.of(grouped, filled(groups, 1f), filled(groups, 0f)),
                Attribute.of("epsilon", epsilon));
        String back = reshape(normed, BATCH, channels, height, width);
        String scaled = mul(back, graph.filledWeight("norm_scale", type, new long[]{channels, 1, 1}, 1f));
        return add(scaled, graph.filledWeight("norm_shift", type, new long[]{channels, 1, 1}, 0f));
    }

    String layerNorm(String x, int width) {
        return graph.node("LayerNormalization", List.of(x,
                        graph.filledWeight("layer_norm_scale", type, new long[]{width}, 1f),
                        graph.filledWeight("layer_norm_shift", type, new long[]{width}, 0f)),
                Attribute.of("axis", -1L), Attribute.of("epsilon", 1e-5f));
    }

    String silu(String x) {
        return mul(x, graph.node("Sigmoid", List.of(x)));
    }

    /** GELU as x·½·(1 + erf(x/√2)), the exact form (opset 17 has no Gelu operator). */
    String gelu(String x) {
        String erf = graph.node("Erf", List.of(mul(x, graph.scalar("inv_sqrt2", type, (float) (1 / Math.sqrt(2))))));
        String half = mul(x, graph.scalar("half", type, 0.5f));
        return mul(half, add(erf, graph.scalar("one", type, 1f)));
    }

    /**
     * Multi-head attention of queries [B, nq, heads·dim] on keys and values [B, nk, heads·dim]; {@code mask}
     * ([nq, nk], added to the scores) may be null.
     */
    String attention(String q, String k, String v, int queries, int keys, int heads, int headDim, String mask) {
        String qh = graph.node("Transpose", List.of(reshape(q, BATCH, queries, heads, headDim)),
                Attribute.ints("perm", 0, 2, 1, 3));
        String kh = graph.node("Transpose", List.of(reshape(k, BATCH, keys, heads, headDim)),
                Attribute.ints("perm", 0, 2, 3, 1));
        String vh = graph.node("Transpose", List.of(reshape(v, BATCH, keys, heads, headDim)),
                Attribute.ints("perm", 0, 2, 1, 3));
        String scores = mul(graph.node("MatMul", List.of(qh, kh)),
                graph.scalar("attention_scale", type, (float) (1 / Math.sqrt(headDim))));
        if (mask != null) {
            scores = add(scores, mask);
        }
        String weights = graph.node("Softmax", List.of(scores), Attribute.of("axis", -1L));
        String out = graph.node("Transpose", List.of(graph.node("MatMul", List.of(weights, vh))),
                Attribute.ints("perm", 0, 2, 1, 3));
        return reshape(out, BATCH, queries, (long) heads * headDim);
    }

    /** Splits the last axis of x into two halves of {@code half} each. */
    String[] halves(String x, int half) {
        String first = "half_a_" + names;
        String second = "half_b_" + names++;
        graph.node("Split", List.of(x, graph.constantInt64("split", new long[]{2}, new long[]{half, half})),
                List.of(first, second), Attribute.of("axis", -1L));
        return new String[]{first, second};
    }

    /** Nearest-neighbour upsampling by 2 on both sides of [1, C, H, W]. */
    String upsample(String x) {
        return graph.node("Resize", List.of(x, "", graph.constant("scales", new long[]{4}, new float[]{1, 1, 2, 2})),
                Attribute.of("mode", "nearest"));
    }

    String add(String a, String b) {
        return graph.node("Add", List.of(a, b));
    }

    String mul(String a, String b) {
        return graph.node("Mul", List.of(a, b));
    }

    String reshape(String x, long... shape) {
        return graph.node("Reshape", List.of(x, graph.constantInt64("shape", new long[]{shape.length}, shape)));
    }

    String transpose(String x, long... perm) {
        return graph.node("Transpose", List.of(x), Attribute.ints("perm", perm));
    }

    String castTo(String x) {
        return type == ElementType.FLOAT32 ? x : graph.node("Cast", List.of(x), Attribute.of("to", (long) type.onnxCode()));
    }

    private String filled(int count, float value) {
        float[] values = new float[count];
        java.util.Arrays.fill(values, value);
        return graph.constant("norm_constant", type, new long[]{count}, values);
    }
}
