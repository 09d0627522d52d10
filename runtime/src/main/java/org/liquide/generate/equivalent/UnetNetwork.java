package org.liquide.generate.equivalent;

import org.liquide.generate.onnx.Attribute;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * SD 2.1's UNet2DConditionModel as diffusers builds it: conv_in; CrossAttnDown ×3 and Down (two resnets
 * each, a strided convolution between); a mid block of resnet, transformer, resnet; Up and CrossAttnUp ×3
 * (three resnets each, fed the down path's skips, nearest upsampling and a convolution between);
 * GroupNorm, SiLU, conv_out. Each transformer has linear projections in and out and one block of
 * self-attention, cross-attention to the text and a GEGLU feed-forward (×4).
 * {@code sample} [batch, 4, h, w], {@code timestep} int64[batch], {@code encoder_hidden_states}
 * [batch, 77, text] → {@code out_sample} [batch, 4, h, w]: any batch, each latent at its own timestep, as
 * diffusers' exports take it (a stream batch needs it).
 */
final class UnetNetwork {
    private static final float RESNET_EPSILON = 1e-5f;
    private static final float TRANSFORMER_EPSILON = 1e-6f;
    private static final int UP_LAYERS = SdTurboShape.LAYERS_PER_BLOCK + 1;
    /** The symbolic name of the inputs' and output's first axis. */
    private static final String BATCH = "batch";

    private final NetworkBuilder net;
    private final SdTurboShape shape;
    private final String context;
    private String timeActivated;
    private int height;
    private int width;

    private UnetNetwork(NetworkBuilder net, SdTurboShape shape) {
        this.net = net;
        this.shape = shape;
        this.context = "encoder_hidden_states";
        this.height = shape.latent();
        this.width = shape.latent();
    }

    static void build(OnnxGraph graph, SdTurboShape shape, ElementType type, long seed) {
        int latent = shape.latent();
        graph.input("sample", type, BATCH, SdTurboShape.LATENT_CHANNELS, latent, latent);
        graph.input("timestep", ElementType.INT64, BATCH);
        graph.input("encoder_hidden_states", type, BATCH, SdTurboShape.POSITIONS, shape.textHidden());
        String out = new UnetNetwork(new NetworkBuilder(graph, type, seed), shape).forward();
        graph.nodeNamed("out_sample", "Identity", List.of(out));
        graph.output("out_sample", type, BATCH, SdTurboShape.LATENT_CHANNELS, latent, latent);
    }

    private String forward() {
        List<Integer> channels = shape.unetChannels();
        int blocks = channels.size();
        timeActivated = net.silu(timeEmbedding());
        String x = net.conv("sample", SdTurboShape.LATENT_CHANNELS, channels.getFirst(), 3);
        Deque<Skip> skips = new ArrayDeque<>();
        skips.push(new Skip(x, channels.getFirst()));
        int in = channels.getFirst();
        for (int block = 0; block < blocks; block++) {
            int out = channels.get(block);
            for (int layer = 0; layer < SdTurboShape.LAYERS_PER_BLOCK; layer++) {
                x = resnet(x, layer == 0 ? in : out, out);
                if (block < blocks - 1) {
                    x = transformer(x, out);
                }
                skips.push(new Skip(x, out));
            }
            if (block < blocks - 1) {
                x = net.conv(x, out, out, 3, 2, 1, 1, 1, 1);
                height /= 2;
                width /= 2;
                skips.push(new Skip(x, out));
            }
            in = out;
        }
        int deepest = channels.getLast();
        x = resnet(transformer(resnet(x, deepest, deepest), deepest), deepest, deepest);
        int previous = deepest;
        for (int block = 0; block < blocks; block++) {
            int out = channels.get(blocks - 1 - block);
            for (int layer = 0; layer < UP_LAYERS; layer++) {
                Skip skip = skips.pop();
                String joined = net.graph.node("Concat", List.of(x, skip.value()), Attribute.of("axis", 1L));
                x = resnet(joined, (layer == 0 ? previous : out) + skip.channels(), out);
                if (block > 0) {
                    x = transformer(x, out);
                }
            }
            if (block < blocks - 1) {
                x = net.conv(net.upsample(x), out, out, 3);
                height *= 2;
                width *= 2;
            }
            previous = out;
        }
        int first = channels.getFirst();
        String normed = net.silu(net.groupNorm(x, first, height, width, RESNET_EPSILON));
        return net.conv(normed, first, SdTurboShape.LATENT_CHANNELS, 3);
    }

    /** Sinusoidal embedding of the timestep (cos then sin, as flip_sin_to_cos), through a two-layer MLP. */
    private String timeEmbedding() {
        OnnxGraph graph = net.graph;
        int first = shape.unetChannels().getFirst();
        int half = first / 2;
        float[] frequencies = new float[half];
        for (int i = 0; i < half; i++) {
            frequencies[i] = (float) Math.exp(-Math.log(10000) * i / half);
        }
        String t = graph.node("Cast", List.of("timestep"), Attribute.of("to", (long) ElementType.FLOAT32.onnxCode()));
        String angles = graph.node("Mul", List.of(net.reshape(t, NetworkBuilder.BATCH, 1),
                graph.constant("frequencies", new long[]{1, half}, frequencies)));
        String sinusoid = graph.node("Concat", List.of(graph.node("Cos", List.of(angles)), graph.node("Sin", List.of(angles))),
                Attribute.of("axis", 1L));
        String hidden = net.silu(net.linear(net.castTo(sinusoid), first, shape.timeEmbedding(), true));
        return net.linear(hidden, shape.timeEmbedding(), shape.timeEmbedding(), true);
    }

    private String resnet(String x, int in, int out) {
        String h = net.conv(net.silu(net.groupNorm(x, in, height, width, RESNET_EPSILON)), in, out, 3);
        String time = net.reshape(net.linear(timeActivated, shape.timeEmbedding(), out, true), NetworkBuilder.BATCH, out,
                1, 1);
        h = net.add(h, time);
        h = net.conv(net.silu(net.groupNorm(h, out, height, width, RESNET_EPSILON)), out, out, 3);
        String shortcut = in == out ? x : net.conv(x, in, out, 1);
        return net.add(shortcut, h);
    }

    private String transformer(String x, int channels) {
        int tokens = height * width;
        int headDim = SdTurboShape.unetHeadDim(channels);
        int heads = channels / headDim;
        String h = net.groupNorm(x, channels, height, width, TRANSFORMER_EPSILON);
        h = net.transpose(net.reshape(h, NetworkBuilder.BATCH, channels, tokens), 0, 2, 1);
        h = net.linear(h, channels, channels, true);

        String normed = net.layerNorm(h, channels);
        String self = net.attention(net.linear(normed, channels, channels, false), net.linear(normed, channels, channels, false),
                net.linear(normed, channels, channels, false), tokens, tokens, heads, headDim, null);
        h = net.add(h, net.linear(self, channels, channels, true));

        normed = net.layerNorm(h, channels);
        int text = shape.textHidden();
        String cross = net.attention(net.linear(normed, channels, channels, false), net.linear(context, text, channels, false),
                net.linear(context, text, channels, false), tokens, SdTurboShape.POSITIONS, heads, headDim, null);
        h = net.add(h, net.linear(cross, channels, channels, true));

        normed = net.layerNorm(h, channels);
        String[] geglu = net.halves(net.linear(normed, channels, 8 * channels, true), 4 * channels);
        String fed = net.mul(geglu[0], net.gelu(geglu[1]));
        h = net.add(h, net.linear(fed, 4 * channels, channels, true));

        h = net.linear(h, channels, channels, true);
        h = net.reshape(net.transpose(h, 0, 2, 1), NetworkBuilder.BATCH, channels, height, width);
        return net.add(h, x);
    }

    private record Skip(String value, int channels) {
    }
}
