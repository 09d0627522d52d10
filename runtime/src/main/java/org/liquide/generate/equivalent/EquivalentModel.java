package org.liquide.generate.equivalent;

import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A compute-equivalent of SD-Turbo: a diffusers ONNX folder whose text encoder, UNet and autoencoder have
 * its published architecture ({@link SdTurboShape}) and seeded random weights. Its images are noise, but a
 * model call costs what SD-Turbo's costs, so generation can be timed where the real weights cannot be
 * downloaded. Weights go to each component's {@code model.onnx_data} (ONNX external data: the UNet alone is
 * 3.5 GB in float32, past protobuf's 2 GB), streamed as they are made.
 */
public final class EquivalentModel {
    public static final String DATA_FILE = "model.onnx_data";
    private static final long SEED = 2027;

    /** One network of the folder: its parameters and the bytes of its files. */
    public record Component(String name, long parameters, long bytes) {
    }

    private interface Network {
        void build(OnnxGraph graph, SdTurboShape shape, ElementType type, long seed);
    }

    private record Part(String name, Network network) {
    }

    private static final List<Part> PARTS = List.of(
            new Part("text_encoder", ClipTextNetwork::build),
            new Part("unet", UnetNetwork::build),
            new Part("vae_encoder", AutoencoderNetwork::buildEncoder),
            new Part("vae_decoder", AutoencoderNetwork::buildDecoder));

    private EquivalentModel() {
    }

    /** The components' parameters and weight bytes, without making or writing any weight. */
    public static List<Component> count(SdTurboShape shape, ElementType type) {
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < PARTS.size(); i++) {
            OnnxGraph graph = OnnxGraph.counting(PARTS.get(i).name());
            PARTS.get(i).network().build(graph, shape, type, SEED + i);
            components.add(new Component(PARTS.get(i).name(), graph.parameterCount(), graph.weightBytes()));
        }
        return components;
    }

    /** Writes the folder at {@code root} (which must not exist); {@code written} hears of each component when done. */
    public static List<Component> write(Path root, SdTurboShape shape, ElementType type, Consumer<Component> written)
            throws IOException {
        checkType(type);
        List<Component> components = new ArrayList<>();
        DiffusersFolder.write(root, folder -> {
            for (int i = 0; i < PARTS.size(); i++) {
                Part part = PARTS.get(i);
                Path model = folder.resolve(part.name()).resolve("model.onnx");
                Path data = model.resolveSibling(DATA_FILE);
                OnnxGraph graph = new OnnxGraph(part.name());
                graph.storeWeightsIn(data);
                part.network().build(graph, shape, type, SEED + i);
                graph.write(model);
                Component component = new Component(part.name(), graph.parameterCount(), Files.size(model) + Files.size(data));
                components.add(component);
                written.accept(component);
            }
        });
        return components;
    }

    private static void checkType(ElementType type) {
        if (type != ElementType.FLOAT32 && type != ElementType.FLOAT16) {
            throw new IllegalArgumentException("the weights are float32 or float16, not " + type);
        }
    }
}
