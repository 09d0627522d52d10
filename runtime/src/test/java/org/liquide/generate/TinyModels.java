package org.liquide.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.liquide.generate.diffusion.tokenizer.ByteLevel;
import org.liquide.generate.noise.SeededGaussian;
import org.liquide.generate.onnx.Attribute;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiny models with the tensor names, element types and layouts of real exports, written by the tests
 * with the project's ONNX writer: an image-to-image network, and a whole diffusers ONNX folder (CLIP
 * tokenizer in both layouts, text encoder, UNet, VAE encoder and decoder, scheduler configuration).
 */
public final class TinyModels {
    public static final int HIDDEN = 32;
    public static final int SEQUENCE = 77;
    private static final int EMBEDDED_IDS = 1024;
    private static final List<String> WORDS = List.of("a", "red", "cat", "blue", "dog", "the", "over", "sea",
            "sunset", "forest", "neon", "city", "light", "of", "in");

    /** How the diffusion folder's tokenizer is stored. */
    public enum TokenizerLayout { TOKENIZER_JSON, VOCAB_AND_MERGES, BOTH }

    /** The scheduler the folder's configuration names. */
    public enum Sampler { EULER, LCM }

    private TinyModels() {
    }

    // ------------------------------------------------------------------------------------------------
    // Image to image

    /**
     * A colour-inverting network: {@code image} float32[1, 3, H, W] to {@code stylized} = 1 − image, with
     * H and W dynamic, or fixed when {@code fixedSize} is positive.
     */
    public static Path imageToImage(Path file, int fixedWidth, int fixedHeight) throws IOException {
        OnnxGraph graph = new OnnxGraph("invert");
        Object height = fixedHeight > 0 ? fixedHeight : "height";
        Object width = fixedWidth > 0 ? fixedWidth : "width";
        graph.input("image", ElementType.FLOAT32, 1, 3, height, width);
        graph.nodeNamed("stylized", "Sub", List.of(graph.scalar("one", 1f), "image"));
        graph.output("stylized", ElementType.FLOAT32, 1, 3, height, width);
        graph.write(file);
        return file;
    }

    /** A model that is no image-to-image model: token ids in, embeddings out. */
    public static Path notAnImageModel(Path file) throws IOException {
        textEncoderGraph(ElementType.INT64, ElementType.FLOAT32).write(file);
        return file;
    }

    // ------------------------------------------------------------------------------------------------
    // Diffusion folder

    public static Path diffusionFolder(Path root, ElementType floatType, TokenizerLayout tokenizer, Sampler sampler)
            throws IOException {
        writeTokenizer(root.resolve("tokenizer"), tokenizer);
        textEncoderGraph(ElementType.INT32, floatType).write(root.resolve("text_encoder/model.onnx"));
        unetGraph(floatType).write(root.resolve("unet/model.onnx"));
        vaeEncoderGraph(floatType).write(root.resolve("vae_encoder/model.onnx"));
        vaeDecoderGraph(floatType).write(root.resolve("vae_decoder/model.onnx"));
        Files.writeString(root.resolve("vae_decoder/config.json"), "{\"scaling_factor\": 0.18215}");
        Files.createDirectories(root.resolve("scheduler"));
        Files.writeString(root.resolve("scheduler/scheduler_config.json"), schedulerConfig(sampler));
        Files.writeString(root.resolve("model_index.json"), "{\"_class_name\": \"ORTStableDiffusionPipeline\"}");
        return root;
    }

    public static Path diffusionFolder(Path root) throws IOException {
        return diffusionFolder(root, ElementType.FLOAT32, TokenizerLayout.TOKENIZER_JSON, Sampler.EULER);
    }

    /** How a tiny UNet declares its timestep: a scalar, [1] (one timestep per call), or [batch] (one per latent). */
    public enum TimestepShape {
        SCALAR, ONE, BATCH
    }

    /** Replaces the folder's UNet with one declaring its timestep as {@code type} of {@code shape}. */
    public static void unetTimestep(Path root, ElementType type, TimestepShape shape) throws IOException {
        unetGraph(ElementType.FLOAT32, type, shape).write(root.resolve("unet/model.onnx"));
    }

    /**
     * Adds TAESD-style encoder and decoder folders: latents straight out (no mean and variance), other
     * tensor names than the VAE's (as hand exports have).
     */
    public static void addTinyAutoencoder(Path root) throws IOException {
        OnnxGraph encoder = new OnnxGraph("taesd_encoder");
        encoder.input("image", ElementType.FLOAT32, "batch", 3, "height", "width");
        String pooled = encoder.node("AveragePool", List.of("image"), Attribute.ints("kernel_shape", 8, 8),
                Attribute.ints("strides", 8, 8));
        float[] weights = new float[4 * 3];
        for (int c = 0; c < 3; c++) {
            weights[c * 3 + c] = 0.5f;
        }
        encoder.nodeNamed("latents", "Conv", List.of(pooled,
                encoder.constant("to_latent", new long[]{4, 3, 1, 1}, weights)));
        encoder.output("latents", ElementType.FLOAT32, "batch", 4, "height_latent", "width_latent");
        encoder.write(root.resolve("taesd_encoder/model.onnx"));

        OnnxGraph decoder = vaeDecoderGraph(ElementType.FLOAT32);
        decoder.write(root.resolve("taesd_decoder/model.onnx"));
    }

    private static String schedulerConfig(Sampler sampler) {
        return switch (sampler) {
            case EULER -> """
                    {"_class_name": "EulerDiscreteScheduler", "_diffusers_version": "0.24.0",
                     "beta_end": 0.012, "beta_schedule": "scaled_linear", "beta_start": 0.00085,
                     "interpolation_type": "linear", "num_train_timesteps": 1000, "prediction_type": "epsilon",
                     "steps_offset": 1, "timestep_spacing": "trailing", "timestep_type": "discrete",
                     "use_karras_sigmas": false}""";
            case LCM -> """
                    {"_class_name": "LCMScheduler", "beta_end": 0.012, "beta_schedule": "scaled_linear",
                     "beta_start": 0.00085, "num_train_timesteps": 1000, "original_inference_steps": 50,
                     "prediction_type": "epsilon", "set_alpha_to_one": true, "steps_offset": 1,
                     "timestep_scaling": 10.0, "timestep_spacing": "leading"}""";
        };
    }

    /** input_ids int[batch, sequence] → last_hidden_state [batch, sequence, 32], pooler_output [batch, 32]. */
    static OnnxGraph textEncoderGraph(ElementType idType, ElementType floatType) {
        SeededGaussian random = new SeededGaussian(11);
        OnnxGraph graph = new OnnxGraph("text_encoder");
        graph.input("input_ids", idType, "batch", "sequence");
        String ids = graph.node("Cast", List.of("input_ids"), Attribute.of("to", (long) ElementType.INT64.onnxCode()));
        String folded = graph.node("Mod", List.of(ids,
                graph.constantInt64("vocab", new long[0], new long[]{EMBEDDED_IDS})));
        String tokens = graph.node("Gather", List.of(
                graph.constant("token_embedding", new long[]{EMBEDDED_IDS, HIDDEN},
                        random.array(EMBEDDED_IDS * HIDDEN, 1f)), folded), Attribute.of("axis", 0L));
        String positions = graph.constant("position_embedding", new long[]{SEQUENCE, HIDDEN},
                random.array(SEQUENCE * HIDDEN, 0.2f));
        String mixed = graph.node("MatMul", List.of(graph.node("Add", List.of(tokens, positions)),
                graph.constant("projection", new long[]{HIDDEN, HIDDEN},
                        random.array(HIDDEN * HIDDEN, 1f / (float) Math.sqrt(HIDDEN)))));
        String hidden = graph.node("Tanh", List.of(mixed));
        String pooled = graph.node("ReduceMean", List.of(hidden), Attribute.ints("axes", 1), Attribute.of("keepdims", 0L));
        graph.nodeNamed("last_hidden_state", "Cast", List.of(hidden), Attribute.of("to", (long) floatType.onnxCode()));
        graph.nodeNamed("pooler_output", "Cast", List.of(pooled), Attribute.of("to", (long) floatType.onnxCode()));
        graph.output("last_hidden_state", floatType, "batch", "sequence", HIDDEN);
        graph.output("pooler_output", floatType, "batch", HIDDEN);
        return graph;
    }

    /**
     * sample [batch, 4, h, w], timestep int64 [1], encoder_hidden_states [batch, sequence, 32] → out_sample:
     * a 1×1 convolution of the sample shifted by the text and the timestep, through tanh. Untrained, so
     * its images are noise-like; what the tests check is how the pipeline treats it.
     */
    static OnnxGraph unetGraph(ElementType floatType) {
        return unetGraph(floatType, ElementType.INT64, TimestepShape.ONE);
    }

    /** The UNet with another timestep type and shape; each latent of a batch is shifted by its own timestep. */
    static OnnxGraph unetGraph(ElementType floatType, ElementType timestepType, TimestepShape timestepShape) {
        SeededGaussian random = new SeededGaussian(23);
        OnnxGraph graph = new OnnxGraph("unet");
        graph.input("sample", floatType, "batch", 4, "height", "width");
        switch (timestepShape) {
            case SCALAR -> graph.input("timestep", timestepType);
            case ONE -> graph.input("timestep", timestepType, 1);
            case BATCH -> graph.input("timestep", timestepType, "batch");
        }
        graph.input("encoder_hidden_states", floatType, "batch", "sequence", HIDDEN);
        String sample = toFloat(graph, "sample");
        String text = toFloat(graph, "encoder_hidden_states");
        String pooled = graph.node("ReduceMean", List.of(text), Attribute.ints("axes", 1), Attribute.of("keepdims", 0L));
        String textShift = graph.node("Reshape", List.of(
                graph.node("MatMul", List.of(pooled, graph.constant("text_to_latent", new long[]{HIDDEN, 4},
                        random.array(HIDDEN * 4, 3f / (float) Math.sqrt(HIDDEN))))),
                graph.constantInt64("shape", new long[]{4}, new long[]{-1, 4, 1, 1})));
        String time = graph.node("Div", List.of(graph.node("Cast", List.of("timestep"),
                Attribute.of("to", (long) ElementType.FLOAT32.onnxCode())), graph.scalar("train_steps", 1000f)));
        String timeShift = graph.node("Mul", List.of(graph.node("Reshape", List.of(time,
                graph.constantInt64("time_shape", new long[]{4}, new long[]{-1, 1, 1, 1}))),
                graph.constant("time_weight", new long[]{1, 4, 1, 1}, random.array(4, 0.5f))));
        String conv = graph.node("Conv", List.of(sample,
                graph.constant("conv_weight", new long[]{4, 4, 1, 1}, random.array(16, 0.5f)),
                graph.constant("conv_bias", new long[]{4}, random.array(4, 0.1f))));
        String eps = graph.node("Tanh", List.of(graph.node("Add", List.of(graph.node("Add", List.of(conv, textShift)),
                timeShift))));
        graph.nodeNamed("out_sample", "Cast", List.of(eps), Attribute.of("to", (long) floatType.onnxCode()));
        graph.output("out_sample", floatType, "batch", 4, "height", "width");
        return graph;
    }

    /**
     * sample [batch, 3, H, W] in [-1, 1] → latent_parameters [batch, 8, H/8, W/8]: the mean channels are the
     * 8×8-averaged colours (and a fourth, zero), the log-variance channels are noise-free constants.
     */
    static OnnxGraph vaeEncoderGraph(ElementType floatType) {
        OnnxGraph graph = new OnnxGraph("vae_encoder");
        graph.input("sample", floatType, "batch", 3, "height", "width");
        String pooled = graph.node("AveragePool", List.of(toFloat(graph, "sample")),
                Attribute.ints("kernel_shape", 8, 8), Attribute.ints("strides", 8, 8));
        float[] weights = new float[8 * 3];
        for (int c = 0; c < 3; c++) {
            weights[c * 3 + c] = 1f;
        }
        String latent = graph.node("Conv", List.of(pooled, graph.constant("to_latent", new long[]{8, 3, 1, 1}, weights),
                graph.constant("log_variance", new long[]{8}, new float[]{0, 0, 0, 0, -3, -3, -3, -3})));
        graph.nodeNamed("latent_parameters", "Cast", List.of(latent), Attribute.of("to", (long) floatType.onnxCode()));
        graph.output("latent_parameters", floatType, "batch", 8, "height_latent", "width_latent");
        return graph;
    }

    /** latent_sample [batch, 4, h, w] → sample [batch, 3, 8h, 8w]: each latent colour spread over its 8×8 block. */
    static OnnxGraph vaeDecoderGraph(ElementType floatType) {
        OnnxGraph graph = new OnnxGraph("vae_decoder");
        graph.input("latent_sample", floatType, "batch", 4, "height_latent", "width_latent");
        int block = 8;
        float[] weights = new float[block * block * 3 * 4];
        for (int i = 0; i < block * block; i++) {
            for (int c = 0; c < 3; c++) {
                weights[(i * 3 + c) * 4 + c] = 1f;
            }
        }
        String spread = graph.node("Conv", List.of(toFloat(graph, "latent_sample"),
                graph.constant("to_pixels", new long[]{block * block * 3, 4, 1, 1}, weights)));
        String image = graph.node("DepthToSpace", List.of(spread), Attribute.of("blocksize", (long) block),
                Attribute.of("mode", "DCR"));
        graph.nodeNamed("sample", "Cast", List.of(image), Attribute.of("to", (long) floatType.onnxCode()));
        graph.output("sample", floatType, "batch", 3, "height", "width");
        return graph;
    }

    private static String toFloat(OnnxGraph graph, String input) {
        return graph.node("Cast", List.of(input), Attribute.of("to", (long) ElementType.FLOAT32.onnxCode()));
    }

    // ------------------------------------------------------------------------------------------------
    // CLIP tokenizer, both layouts, same vocabulary

    public static void writeTokenizer(Path folder, TokenizerLayout layout) throws IOException {
        Files.createDirectories(folder);
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (char c : ByteLevel.vocabularyOrder()) {
            vocab.put(String.valueOf(c), vocab.size());
        }
        for (char c : ByteLevel.vocabularyOrder()) {
            vocab.put(c + "</w>", vocab.size());
        }
        List<String> merges = new ArrayList<>();
        for (String word : WORDS) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < word.length(); i++) {
                parts.add(word.charAt(i) + (i == word.length() - 1 ? "</w>" : ""));
            }
            while (parts.size() > 1) {
                String merge = parts.get(0) + " " + parts.get(1);
                String merged = parts.get(0) + parts.get(1);
                if (!merges.contains(merge)) {
                    merges.add(merge);
                }
                vocab.putIfAbsent(merged, vocab.size());
                parts.set(0, merged);
                parts.remove(1);
            }
        }
        vocab.put("<|startoftext|>", 49406);
        vocab.put("<|endoftext|>", 49407);
        ObjectMapper json = new ObjectMapper();
        Files.writeString(folder.resolve("tokenizer_config.json"), """
                {"model_max_length": 77, "do_lower_case": true, "bos_token": "<|startoftext|>",
                 "eos_token": "<|endoftext|>", "pad_token": "<|endoftext|>", "unk_token": "<|endoftext|>"}""");
        if (layout != TokenizerLayout.TOKENIZER_JSON) {
            json.writeValue(folder.resolve("vocab.json").toFile(), vocab);
            Files.writeString(folder.resolve("merges.txt"), "#version: 0.2\n" + String.join("\n", merges) + "\n",
                    StandardCharsets.UTF_8);
        }
        if (layout != TokenizerLayout.VOCAB_AND_MERGES) {
            json.writeValue(folder.resolve("tokenizer.json").toFile(), tokenizerJson(json, vocab, merges));
        }
    }

    /** The structure of openai/clip-vit-large-patch14's tokenizer.json, with the tiny vocabulary. */
    private static ObjectNode tokenizerJson(ObjectMapper json, Map<String, Integer> vocab, List<String> merges) {
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : List.of("<|startoftext|>", "<|endoftext|>")) {
            added.addObject().put("id", vocab.get(special)).put("content", special).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", true).put("special", true);
        }
        ObjectNode normalizer = root.putObject("normalizer").put("type", "Sequence");
        ArrayNode normalizers = normalizer.putArray("normalizers");
        normalizers.addObject().put("type", "NFC");
        ObjectNode replace = normalizers.addObject().put("type", "Replace");
        replace.putObject("pattern").put("Regex", "\\s+");
        replace.put("content", " ");
        normalizers.addObject().put("type", "Lowercase");
        ObjectNode pre = root.putObject("pre_tokenizer").put("type", "Sequence");
        ArrayNode pres = pre.putArray("pretokenizers");
        ObjectNode split = pres.addObject().put("type", "Split");
        split.putObject("pattern").put("Regex",
                "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+");
        split.put("behavior", "Removed").put("invert", true);
        pres.addObject().put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", true)
                .put("use_regex", false);
        ObjectNode post = root.putObject("post_processor").put("type", "RobertaProcessing");
        post.putArray("sep").add("<|endoftext|>").add(49407);
        post.putArray("cls").add("<|startoftext|>").add(49406);
        post.put("trim_offsets", false).put("add_prefix_space", false);
        root.putObject("decoder").put("type", "ByteLevel").put("add_prefix_space", true).put("trim_offsets", true)
                .put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE").putNull("dropout").put("unk_token", "<|endoftext|>")
                .put("continuing_subword_prefix", "").put("end_of_word_suffix", "</w>").put("fuse_unk", false)
                .put("byte_fallback", false);
        ObjectNode vocabNode = model.putObject("vocab");
        vocab.forEach(vocabNode::put);
        ArrayNode mergeNode = model.putArray("merges");
        merges.forEach(mergeNode::add);
        return root;
    }
}
