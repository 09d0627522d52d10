package org.liquide.generate.cppn;

import org.liquide.generate.GenerationParams;
import org.liquide.generate.noise.SeededGaussian;
import org.liquide.generate.onnx.Attribute;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.util.List;

/**
 * A compositional pattern-producing network written as an ONNX model: a small MLP from each pixel's
 * position (x, y, radius), the latent vector and the camera's colour at that pixel to an RGB colour.
 * The weights come from a seed, so a seed names a network.
 *
 * <p>Inputs: {@code coords} float32[pixels, 3], {@code latent} float32[1, 8], {@code camera}
 * float32[pixels, 3] in [0, 1], {@code camera_mix} float32[1, 1]. Output: {@code rgb} float32[pixels, 3]
 * in [0, 1]: the network's colour, blended toward the camera's by {@code camera_mix}.
 */
public final class CppnNetwork {
    public static final String COORDS = "coords";
    public static final String LATENT = "latent";
    public static final String CAMERA = "camera";
    public static final String CAMERA_MIX = "camera_mix";
    public static final String RGB = "rgb";

    static final int HIDDEN = 24;

    private CppnNetwork() {
    }

    public static byte[] build(long seed) {
        SeededGaussian random = new SeededGaussian(seed);
        OnnxGraph graph = new OnnxGraph("cppn");
        String pixels = "pixels";
        graph.input(COORDS, ElementType.FLOAT32, pixels, 3);
        graph.input(LATENT, ElementType.FLOAT32, 1, GenerationParams.LATENT_SIZE);
        graph.input(CAMERA, ElementType.FLOAT32, pixels, 3);
        graph.input(CAMERA_MIX, ElementType.FLOAT32, 1, 1);

        String fromCoords = matMul(graph, COORDS, weights(graph, random, 3, HIDDEN, 1.6f));
        String fromLatent = graph.node("Gemm", List.of(LATENT,
                weights(graph, random, GenerationParams.LATENT_SIZE, HIDDEN, 0.9f), bias(graph, random, HIDDEN, 0.3f)));
        String fromCamera = graph.node("Mul", List.of(
                matMul(graph, CAMERA, weights(graph, random, 3, HIDDEN, 1.2f)), CAMERA_MIX));
        String layer1 = graph.node("Tanh", List.of(
                graph.node("Add", List.of(graph.node("Add", List.of(fromCoords, fromLatent)), fromCamera))));
        String layer2 = graph.node("Sin", List.of(graph.node("Add", List.of(
                matMul(graph, layer1, weights(graph, random, HIDDEN, HIDDEN, 4.4f / (float) Math.sqrt(HIDDEN))),
                bias(graph, random, HIDDEN, 0.5f)))));
        String layer3 = graph.node("Tanh", List.of(graph.node("Add", List.of(
                matMul(graph, layer2, weights(graph, random, HIDDEN, HIDDEN, 1.6f / (float) Math.sqrt(HIDDEN))),
                bias(graph, random, HIDDEN, 0.2f)))));
        String features = graph.node("Concat", List.of(layer2, layer3), Attribute.of("axis", 1L));
        String colour = graph.node("Sigmoid", List.of(graph.node("Add", List.of(
                matMul(graph, features, weights(graph, random, 2 * HIDDEN, 3, 2.5f / (float) Math.sqrt(HIDDEN))),
                bias(graph, random, 3, 0.2f)))));
        String towardCamera = graph.node("Mul", List.of(graph.node("Sub", List.of(CAMERA, colour)), CAMERA_MIX));
        graph.nodeNamed(RGB, "Add", List.of(colour, towardCamera));
        graph.output(RGB, ElementType.FLOAT32, pixels, 3);
        return graph.toModelBytes();
    }

    private static String matMul(OnnxGraph graph, String input, String weights) {
        return graph.node("MatMul", List.of(input, weights));
    }

    private static String weights(OnnxGraph graph, SeededGaussian random, int rows, int columns, float scale) {
        return graph.constant("w", new long[]{rows, columns}, random.array(rows * columns, scale));
    }

    private static String bias(OnnxGraph graph, SeededGaussian random, int size, float scale) {
        return graph.constant("b", new long[]{size}, random.array(size, scale));
    }
}
