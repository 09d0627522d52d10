package org.liquide.generate.cppn;

import org.liquide.generate.GenerationParams;
import org.liquide.generate.engine.TensorBuffer;
import org.liquide.generate.noise.SeededGaussian;
import org.liquide.generate.onnx.Attribute;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * A compositional pattern-producing network written as an ONNX model: a small MLP from each pixel's
 * position (x, y, radius), the latent vector and the camera's colour at that pixel to an RGB colour.
 * The weights come from a seed, so a seed names a network.
 *
 * <p>Inputs: {@code coords} float32[pixels, 3], {@code latent} float32[1, 8], {@code camera}
 * float32[pixels, 3] in [0, 1], {@code camera_mix} float32[1, 1], and the {@link #PARAMETERS} a seed fills
 * ({@link #weights}). Output: {@code rgb} float32[pixels, 3] in [0, 1]: the network's colour, blended toward
 * the camera's by {@code camera_mix}.
 *
 * <p>The weights are inputs rather than constants of the graph so that the model is the same bytes for every
 * seed: one ONNX Runtime session serves every seed, every prompt and every scene, and a scene change opens
 * none (ONNX Runtime keeps part of each session's native memory after it closes).
 */
public final class CppnNetwork {
    public static final String COORDS = "coords";
    public static final String LATENT = "latent";
    public static final String CAMERA = "camera";
    public static final String CAMERA_MIX = "camera_mix";
    public static final String RGB = "rgb";

    static final int HIDDEN = 24;

    /** One weight tensor: its input's name, its shape, and the spread of the normal numbers that fill it. */
    public record Parameter(String name, float scale, long... shape) {
        public int size() {
            long size = 1;
            for (long dim : shape) {
                size *= dim;
            }
            return Math.toIntExact(size);
        }
    }

    private static final float ROOT_HIDDEN = (float) Math.sqrt(HIDDEN);

    /** In the order the seed's numbers fill them: that order is part of what a seed means. */
    public static final List<Parameter> PARAMETERS = List.of(
            new Parameter("w_coords", 1.6f, 3, HIDDEN),
            new Parameter("w_latent", 0.9f, GenerationParams.LATENT_SIZE, HIDDEN),
            new Parameter("b_latent", 0.3f, HIDDEN),
            new Parameter("w_camera", 1.2f, 3, HIDDEN),
            new Parameter("w_hidden1", 4.4f / ROOT_HIDDEN, HIDDEN, HIDDEN),
            new Parameter("b_hidden1", 0.5f, HIDDEN),
            new Parameter("w_hidden2", 1.6f / ROOT_HIDDEN, HIDDEN, HIDDEN),
            new Parameter("b_hidden2", 0.2f, HIDDEN),
            new Parameter("w_colour", 2.5f / ROOT_HIDDEN, 2 * HIDDEN, 3),
            new Parameter("b_colour", 0.2f, 3));

    private CppnNetwork() {
    }

    /** The model: the same bytes whatever the seed. */
    public static byte[] build() {
        OnnxGraph graph = new OnnxGraph("cppn");
        String pixels = "pixels";
        graph.input(COORDS, ElementType.FLOAT32, pixels, 3);
        graph.input(LATENT, ElementType.FLOAT32, 1, GenerationParams.LATENT_SIZE);
        graph.input(CAMERA, ElementType.FLOAT32, pixels, 3);
        graph.input(CAMERA_MIX, ElementType.FLOAT32, 1, 1);
        List<String> p = new ArrayList<>();
        for (Parameter parameter : PARAMETERS) {
            Object[] dims = new Object[parameter.shape().length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = parameter.shape()[i];
            }
            p.add(graph.input(parameter.name(), ElementType.FLOAT32, dims));
        }

        String fromCoords = matMul(graph, COORDS, p.get(0));
        String fromLatent = graph.node("Gemm", List.of(LATENT, p.get(1), p.get(2)));
        String fromCamera = graph.node("Mul", List.of(matMul(graph, CAMERA, p.get(3)), CAMERA_MIX));
        String layer1 = graph.node("Tanh", List.of(
                graph.node("Add", List.of(graph.node("Add", List.of(fromCoords, fromLatent)), fromCamera))));
        String layer2 = graph.node("Sin", List.of(graph.node("Add", List.of(matMul(graph, layer1, p.get(4)), p.get(5)))));
        String layer3 = graph.node("Tanh", List.of(graph.node("Add", List.of(matMul(graph, layer2, p.get(6)), p.get(7)))));
        String features = graph.node("Concat", List.of(layer2, layer3), Attribute.of("axis", 1L));
        String colour = graph.node("Sigmoid", List.of(graph.node("Add", List.of(matMul(graph, features, p.get(8)), p.get(9)))));
        String towardCamera = graph.node("Mul", List.of(graph.node("Sub", List.of(CAMERA, colour)), CAMERA_MIX));
        graph.nodeNamed(RGB, "Add", List.of(colour, towardCamera));
        graph.output(RGB, ElementType.FLOAT32, pixels, 3);
        return graph.toModelBytes();
    }

    /** The values of each of the {@link #PARAMETERS} for {@code seed}, in their order. */
    public static List<float[]> weights(long seed) {
        SeededGaussian random = new SeededGaussian(seed);
        List<float[]> values = new ArrayList<>(PARAMETERS.size());
        for (Parameter parameter : PARAMETERS) {
            values.add(random.array(parameter.size(), parameter.scale()));
        }
        return values;
    }

    /** Shapes and fills one buffer per parameter (in {@link #PARAMETERS}' order) with {@code seed}'s weights. */
    public static void fillWeights(long seed, List<TensorBuffer> buffers) {
        List<float[]> values = weights(seed);
        for (int i = 0; i < PARAMETERS.size(); i++) {
            buffers.get(i).reshape(PARAMETERS.get(i).shape()).setFloats(values.get(i), values.get(i).length);
        }
    }

    private static String matMul(OnnxGraph graph, String input, String weights) {
        return graph.node("MatMul", List.of(input, weights));
    }
}
