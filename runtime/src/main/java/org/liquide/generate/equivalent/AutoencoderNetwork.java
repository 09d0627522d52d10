package org.liquide.generate.equivalent;

import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.util.List;

/**
 * SD's AutoencoderKL as diffusers builds it, both halves. The encoder: conv_in, four down blocks of two
 * resnets (strided convolutions between), a mid block with single-head attention, GroupNorm, SiLU, conv_out
 * to mean and log-variance, quant_conv: {@code sample} [1, 3, H, W] → {@code latent_parameters} [1, 8, H/8, W/8].
 * The decoder: post_quant_conv, conv_in, the mid block, four up blocks of three resnets (nearest upsampling and a
 * convolution between), GroupNorm, SiLU, conv_out: {@code latent_sample} [1, 4, H/8, W/8] → {@code sample} [1, 3, H, W].
 */
final class AutoencoderNetwork {
    private static final float EPSILON = 1e-6f;
    private static final int IMAGE_CHANNELS = 3;

    private final NetworkBuilder net;
    private int height;
    private int width;

    private AutoencoderNetwork(NetworkBuilder net, int side) {
        this.net = net;
        this.height = side;
        this.width = side;
    }

    static void buildEncoder(OnnxGraph graph, SdTurboShape shape, ElementType type, long seed) {
        graph.input("sample", type, 1, IMAGE_CHANNELS, shape.image(), shape.image());
        String out = new AutoencoderNetwork(new NetworkBuilder(graph, type, seed), shape.image()).encode(shape.vaeChannels());
        graph.nodeNamed("latent_parameters", "Identity", List.of(out));
        graph.output("latent_parameters", type, 1, 2 * SdTurboShape.LATENT_CHANNELS, shape.latent(), shape.latent());
    }

    static void buildDecoder(OnnxGraph graph, SdTurboShape shape, ElementType type, long seed) {
        graph.input("latent_sample", type, 1, SdTurboShape.LATENT_CHANNELS, shape.latent(), shape.latent());
        String out = new AutoencoderNetwork(new NetworkBuilder(graph, type, seed), shape.latent()).decode(shape.vaeChannels());
        graph.nodeNamed("sample", "Identity", List.of(out));
        graph.output("sample", type, 1, IMAGE_CHANNELS, shape.image(), shape.image());
    }

    private String encode(List<Integer> channels) {
        int latentParameters = 2 * SdTurboShape.LATENT_CHANNELS;
        String x = net.conv("sample", IMAGE_CHANNELS, channels.getFirst(), 3);
        int in = channels.getFirst();
        for (int block = 0; block < channels.size(); block++) {
            int out = channels.get(block);
            for (int layer = 0; layer < SdTurboShape.LAYERS_PER_BLOCK; layer++) {
                x = resnet(x, layer == 0 ? in : out, out);
            }
            if (block < channels.size() - 1) {
                x = net.conv(x, out, out, 3, 2, 0, 0, 1, 1); // diffusers pads right and bottom only
                height /= 2;
                width /= 2;
            }
            in = out;
        }
        int deepest = channels.getLast();
        x = mid(x, deepest);
        x = net.conv(net.silu(net.groupNorm(x, deepest, height, width, EPSILON)), deepest, latentParameters, 3);
        return net.conv(x, latentParameters, latentParameters, 1);
    }

    private String decode(List<Integer> channels) {
        int deepest = channels.getLast();
        String x = net.conv("latent_sample", SdTurboShape.LATENT_CHANNELS, SdTurboShape.LATENT_CHANNELS, 1);
        x = mid(net.conv(x, SdTurboShape.LATENT_CHANNELS, deepest, 3), deepest);
        int previous = deepest;
        for (int block = 0; block < channels.size(); block++) {
            int out = channels.get(channels.size() - 1 - block);
            for (int layer = 0; layer < SdTurboShape.LAYERS_PER_BLOCK + 1; layer++) {
                x = resnet(x, layer == 0 ? previous : out, out);
            }
            if (block < channels.size() - 1) {
                x = net.conv(net.upsample(x), out, out, 3);
                height *= 2;
                width *= 2;
            }
            previous = out;
        }
        int first = channels.getFirst();
        return net.conv(net.silu(net.groupNorm(x, first, height, width, EPSILON)), first, IMAGE_CHANNELS, 3);
    }

    private String mid(String x, int channels) {
        return resnet(attention(resnet(x, channels, channels), channels), channels, channels);
    }

    private String resnet(String x, int in, int out) {
        String h = net.conv(net.silu(net.groupNorm(x, in, height, width, EPSILON)), in, out, 3);
        h = net.conv(net.silu(net.groupNorm(h, out, height, width, EPSILON)), out, out, 3);
        return net.add(in == out ? x : net.conv(x, in, out, 1), h);
    }

    /** Single-head self-attention over every latent position. */
    private String attention(String x, int channels) {
        int tokens = height * width;
        String h = net.groupNorm(x, channels, height, width, EPSILON);
        h = net.transpose(net.reshape(h, NetworkBuilder.BATCH, channels, tokens), 0, 2, 1);
        String attended = net.attention(net.linear(h, channels, channels, true), net.linear(h, channels, channels, true),
                net.linear(h, channels, channels, true), tokens, tokens, 1, channels, null);
        h = net.linear(attended, channels, channels, true);
        h = net.reshape(net.transpose(h, 0, 2, 1), NetworkBuilder.BATCH, channels, height, width);
        return net.add(h, x);
    }
}
