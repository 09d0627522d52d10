package org.liquide.bench;

import org.liquide.generate.equivalent.DiffusersFolder;
import org.liquide.generate.noise.SeededGaussian;
import org.liquide.generate.onnx.Attribute;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A diffusers ONNX folder with the tensor names and layouts of a real Stable Diffusion export but
 * models of a few operators each, so that a run of the diffusion pipeline spends almost all its time
 * outside the models: what the benchmark isolates. Untrained (its images are coloured noise). The
 * tokenizer knows only its special tokens (every word becomes the end token): prompts are encoded once
 * per prompt and cached, so it never matters per image. The folder around the models is
 * {@link DiffusersFolder}'s, as for the compute-equivalent SD-Turbo ({@code liquide models equivalent}).
 */
final class TinyDiffusion {
    static final int HIDDEN = 32;
    static final int TABLE = 512;

    private TinyDiffusion() {
    }

    /** Writes the folder (if it is not there yet) and returns it. */
    static Path folder(Path workDir) throws IOException {
        Path root = workDir.resolve("tiny-diffusion-v1");
        if (Files.isRegularFile(root.resolve("model_index.json"))) {
            return root;
        }
        return DiffusersFolder.write(root, folder -> {
            textEncoder().write(folder.resolve("text_encoder/model.onnx"));
            unet().write(folder.resolve("unet/model.onnx"));
            vaeEncoder().write(folder.resolve("vae_encoder/model.onnx"));
            vaeDecoder().write(folder.resolve("vae_decoder/model.onnx"));
        });
    }

    /** input_ids int64[batch, sequence] → last_hidden_state float32[batch, sequence, 32]: an embedding lookup. */
    private static OnnxGraph textEncoder() {
        SeededGaussian random = new SeededGaussian(7);
        OnnxGraph graph = new OnnxGraph("text_encoder");
        graph.input("input_ids", ElementType.INT64, "batch", "sequence");
        String ids = graph.node("Mod", List.of("input_ids", graph.constantInt64("table_size", new long[0], new long[]{TABLE})));
        String embedded = graph.node("Gather", List.of(graph.constant("embedding", new long[]{TABLE, HIDDEN},
                random.array(TABLE * HIDDEN, 1f)), ids), Attribute.of("axis", 0L));
        graph.nodeNamed("last_hidden_state", "Tanh", List.of(embedded));
        graph.output("last_hidden_state", ElementType.FLOAT32, "batch", "sequence", HIDDEN);
        return graph;
    }

    /**
     * sample [batch, 4, h, w], timestep int64[1], encoder_hidden_states [batch, sequence, 32] → out_sample: a
     * 3x3 convolution of the sample, shifted by the pooled text and the timestep, through tanh.
     */
    private static OnnxGraph unet() {
        SeededGaussian random = new SeededGaussian(8);
        OnnxGraph graph = new OnnxGraph("unet");
        graph.input("sample", ElementType.FLOAT32, "batch", 4, "height", "width");
        graph.input("timestep", ElementType.INT64, 1);
        graph.input("encoder_hidden_states", ElementType.FLOAT32, "batch", "sequence", HIDDEN);
        String conv = graph.node("Conv", List.of("sample", graph.constant("kernel", new long[]{4, 4, 3, 3},
                random.array(4 * 4 * 9, 0.2f)), graph.constant("kernel_bias", new long[]{4}, random.array(4, 0.05f))),
                Attribute.ints("pads", 1, 1, 1, 1));
        String text = graph.node("ReduceMean", List.of("encoder_hidden_states"), Attribute.ints("axes", 1),
                Attribute.of("keepdims", 0L));
        String textShift = graph.node("Reshape", List.of(
                graph.node("MatMul", List.of(text, graph.constant("text_projection", new long[]{HIDDEN, 4},
                        random.array(HIDDEN * 4, 0.3f)))),
                graph.constantInt64("text_shape", new long[]{4}, new long[]{-1, 4, 1, 1})));
        String time = graph.node("Div", List.of(graph.node("Cast", List.of("timestep"),
                Attribute.of("to", (long) ElementType.FLOAT32.onnxCode())), graph.scalar("train_steps", 1000f)));
        String timeShift = graph.node("Mul", List.of(graph.node("Reshape", List.of(time,
                        graph.constantInt64("time_shape", new long[]{4}, new long[]{1, 1, 1, 1}))),
                graph.constant("time_weight", new long[]{1, 4, 1, 1}, random.array(4, 0.5f))));
        graph.nodeNamed("out_sample", "Tanh", List.of(graph.node("Add", List.of(
                graph.node("Add", List.of(conv, textShift)), timeShift))));
        graph.output("out_sample", ElementType.FLOAT32, "batch", 4, "height", "width");
        return graph;
    }

    /** sample [batch, 3, H, W] → latent_parameters [batch, 8, H/8, W/8]: 8x8 average, then a 1x1 convolution. */
    private static OnnxGraph vaeEncoder() {
        SeededGaussian random = new SeededGaussian(9);
        OnnxGraph graph = new OnnxGraph("vae_encoder");
        graph.input("sample", ElementType.FLOAT32, "batch", 3, "height", "width");
        String pooled = graph.node("AveragePool", List.of("sample"), Attribute.ints("kernel_shape", 8, 8),
                Attribute.ints("strides", 8, 8));
        graph.nodeNamed("latent_parameters", "Conv", List.of(pooled,
                graph.constant("to_latent", new long[]{8, 3, 1, 1}, random.array(24, 0.5f))));
        graph.output("latent_parameters", ElementType.FLOAT32, "batch", 8, "height_latent", "width_latent");
        return graph;
    }

    /** latent_sample [batch, 4, h, w] → sample [batch, 3, 8h, 8w]: a 1x1 convolution to 192 channels, depth to space. */
    private static OnnxGraph vaeDecoder() {
        SeededGaussian random = new SeededGaussian(10);
        OnnxGraph graph = new OnnxGraph("vae_decoder");
        graph.input("latent_sample", ElementType.FLOAT32, "batch", 4, "height_latent", "width_latent");
        String spread = graph.node("Conv", List.of("latent_sample",
                graph.constant("to_pixels", new long[]{192, 4, 1, 1}, random.array(192 * 4, 0.5f))));
        graph.nodeNamed("sample", "Tanh", List.of(graph.node("DepthToSpace", List.of(spread),
                Attribute.of("blocksize", 8L), Attribute.of("mode", "DCR"))));
        graph.output("sample", ElementType.FLOAT32, "batch", 3, "height", "width");
        return graph;
    }
}
