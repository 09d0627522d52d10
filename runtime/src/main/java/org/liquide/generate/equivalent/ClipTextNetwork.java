package org.liquide.generate.equivalent;

import org.liquide.generate.onnx.Attribute;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.util.List;

/**
 * The CLIP text transformer of OpenCLIP ViT-H/14 (SD 2.x's text encoder): token and position embeddings,
 * pre-norm layers of causal self-attention and a GELU MLP, a final LayerNorm.
 * {@code input_ids} int64[1, 77] → {@code last_hidden_state} [1, 77, hidden].
 */
final class ClipTextNetwork {
    private ClipTextNetwork() {
    }

    static void build(OnnxGraph graph, SdTurboShape shape, ElementType type, long seed) {
        NetworkBuilder net = new NetworkBuilder(graph, type, seed);
        int hidden = shape.textHidden();
        int positions = SdTurboShape.POSITIONS;
        graph.input("input_ids", ElementType.INT64, 1, positions);
        String tokens = graph.node("Gather", List.of(net.weight("token_embedding", 0.02f, SdTurboShape.VOCABULARY, hidden),
                "input_ids"), Attribute.of("axis", 0L));
        String x = net.add(tokens, net.weight("position_embedding", 0.01f, positions, hidden));
        String mask = graph.constant("causal_mask", type, new long[]{positions, positions}, causalMask(positions));
        for (int layer = 0; layer < shape.textLayers(); layer++) {
            String normed = net.layerNorm(x, hidden);
            String q = net.linear(normed, hidden, hidden, true);
            String k = net.linear(normed, hidden, hidden, true);
            String v = net.linear(normed, hidden, hidden, true);
            String attended = net.attention(q, k, v, positions, positions, shape.textHeads(), SdTurboShape.HEAD_DIM, mask);
            x = net.add(x, net.linear(attended, hidden, hidden, true));
            String mlp = net.gelu(net.linear(net.layerNorm(x, hidden), hidden, shape.textMlp(), true));
            x = net.add(x, net.linear(mlp, shape.textMlp(), hidden, true));
        }
        graph.nodeNamed("last_hidden_state", "Identity", List.of(net.layerNorm(x, hidden)));
        graph.output("last_hidden_state", type, 1, positions, hidden);
    }

    /** 0 on and below the diagonal, a large negative number above: each token sees only those before it. */
    private static float[] causalMask(int positions) {
        float[] mask = new float[positions * positions];
        for (int row = 0; row < positions; row++) {
            for (int column = row + 1; column < positions; column++) {
                mask[row * positions + column] = -10000f; // within float16's range, and exp() of it is 0
            }
        }
        return mask;
    }
}
