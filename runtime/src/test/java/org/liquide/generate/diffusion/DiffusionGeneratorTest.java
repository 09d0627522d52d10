package org.liquide.generate.diffusion;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.factory.GeneratorFactory;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.LoadProgress;
import org.liquide.generate.ModelContractException;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.TestImages;
import org.liquide.generate.TinyModels;
import org.liquide.generate.TinyModels.TimestepShape;
import org.liquide.generate.onnx.ElementType;
import org.liquide.generate.onnx.OnnxGraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DiffusionGeneratorTest {
    @TempDir
    static Path models;
    private static Path folder;
    private static final VideoFrame CAMERA = TestImages.sceneFrame(128, 96, 0);

    @BeforeAll
    static void writeModels() throws Exception {
        folder = TinyModels.diffusionFolder(models.resolve("tiny-sd"));
    }

    private static ModelSpec spec(Path root) {
        return ModelSpec.of(root.toString()).withSize(128, 96).withPrompts(List.of("a red cat", "the blue sea"))
                .withSteps(2).withThreads(1, 1);
    }

    private static VideoFrame generate(ImageGenerator generator, GenerationParams params) throws Exception {
        VideoFrame output = new VideoFrame();
        generator.generate(CAMERA, params, output);
        return output;
    }

    @Test
    void theWholePipelineRunsAndIsDeterministicForASeed() throws Exception {
        GenerationParams params = new GenerationParams().strength(0.6f).seed(42);
        byte[] first;
        try (ImageGenerator generator = GeneratorFactory.open(spec(folder))) {
            assertInstanceOf(DiffusionGenerator.class, generator);
            assertEquals("tiny-sd", generator.name());
            assertEquals("cpu", generator.device());
            VideoFrame output = generate(generator, params);
            assertEquals(128, output.width(), "the requested size, resized from the 128x128 the models ran at");
            assertEquals(96, output.height());
            assertEquals(128, ((DiffusionGenerator) generator).runWidth());
            assertEquals(128, ((DiffusionGenerator) generator).runHeight());
            first = TestImages.bytes(output);
            assertArrayEquals(first, TestImages.bytes(generate(generator, params)), "same frame, same image");
            VideoFrame otherSeed = generate(generator, new GenerationParams().strength(0.6f).seed(43));
            assertNotEquals(0, TestImages.meanAbsDifference(output, otherSeed), "the seed picks the noise");

            List<String> components = generator.describe().stream().map(ModelDescription::component).toList();
            assertEquals(List.of("text_encoder", "unet", "vae_encoder", "vae_decoder"), components);
        }
        try (ImageGenerator reopened = GeneratorFactory.open(spec(folder))) {
            assertArrayEquals(first, TestImages.bytes(generate(reopened, params)), "same seed after a reload");
        }
    }

    @Test
    void theLoadSaysWhichPartItStartsAndWhichItFinished() throws Exception {
        List<String> heard = new ArrayList<>();
        LoadProgress progress = new LoadProgress() {
            @Override
            public void begin(int steps) {
                heard.add("begin " + steps);
            }

            @Override
            public void starting(String what) {
                heard.add("starting " + what);
            }

            @Override
            public void step(String done) {
                heard.add("done " + done);
            }
        };
        try (ImageGenerator generator = GeneratorFactory.open(spec(folder), progress)) {
            assertEquals(List.of("begin 5", "starting tokenizer", "done tokenizer", "starting text_encoder",
                    "done text_encoder", "starting unet", "done unet", "starting vae_encoder", "done vae_encoder",
                    "starting vae_decoder", "done vae_decoder"), heard);
        }
    }

    @Test
    void strengthZeroReturnsTheInput() throws Exception {
        try (ImageGenerator generator = GeneratorFactory.open(spec(folder))) {
            VideoFrame output = generate(generator, new GenerationParams().strength(0f).seed(3));
            assertArrayEquals(TestImages.bytes(CAMERA), TestImages.bytes(output));
        }
    }

    @Test
    void strengthMovesTheImageAwayFromTheInput() throws Exception {
        try (ImageGenerator generator = GeneratorFactory.open(spec(folder))) {
            double low = TestImages.meanAbsDifference(CAMERA, generate(generator, new GenerationParams().strength(0.1f)));
            double high = TestImages.meanAbsDifference(CAMERA, generate(generator, new GenerationParams().strength(1f)));
            assertTrue(low < high, "strength 0.1 stays nearer the input (" + low + ") than 1 (" + high + ")");
        }
    }

    @Test
    void promptsSteerTheImageAndBlendBetweenThem() throws Exception {
        try (ImageGenerator generator = GeneratorFactory.open(spec(folder))) {
            GenerationParams params = new GenerationParams().strength(0.8f).seed(5);
            VideoFrame first = generate(generator, params.promptBlend(0f));
            VideoFrame second = generate(generator, params.promptBlend(1f));
            VideoFrame middle = generate(generator, params.promptBlend(0.5f));
            double apart = TestImages.meanAbsDifference(first, second);
            assertTrue(apart > 1, "different prompts, different images: " + apart);
            double fromFirst = TestImages.meanAbsDifference(first, middle);
            double fromSecond = TestImages.meanAbsDifference(second, middle);
            assertTrue(fromFirst > 0 && fromSecond > 0 && fromFirst < apart && fromSecond < apart,
                    "the blend lies between: " + fromFirst + ", " + fromSecond + " of " + apart);
        }
    }

    @Test
    void bothTokenizerLayoutsGiveTheSameImage() throws Exception {
        Path bpe = TinyModels.diffusionFolder(models.resolve("bpe"), ElementType.FLOAT32,
                TinyModels.TokenizerLayout.VOCAB_AND_MERGES, TinyModels.Sampler.EULER);
        GenerationParams params = new GenerationParams().strength(0.7f).seed(9);
        try (ImageGenerator json = GeneratorFactory.open(spec(folder));
             ImageGenerator merges = GeneratorFactory.open(spec(bpe))) {
            assertArrayEquals(TestImages.bytes(generate(json, params)), TestImages.bytes(generate(merges, params)));
        }
    }

    @Test
    void float16ModelsWork() throws Exception {
        Path half = TinyModels.diffusionFolder(models.resolve("fp16"), ElementType.FLOAT16,
                TinyModels.TokenizerLayout.TOKENIZER_JSON, TinyModels.Sampler.EULER);
        GenerationParams params = new GenerationParams().strength(0.7f).seed(9);
        try (ImageGenerator full = GeneratorFactory.open(spec(folder));
             ImageGenerator reduced = GeneratorFactory.open(spec(half))) {
            double difference = TestImages.meanAbsDifference(generate(full, params), generate(reduced, params));
            assertTrue(difference < 2, "float16 follows float32 closely: " + difference);
        }
    }

    @Test
    void lcmModelsSampleToo() throws Exception {
        Path lcm = TinyModels.diffusionFolder(models.resolve("lcm"), ElementType.FLOAT32,
                TinyModels.TokenizerLayout.TOKENIZER_JSON, TinyModels.Sampler.LCM);
        try (ImageGenerator generator = GeneratorFactory.open(spec(lcm).withSteps(4))) {
            GenerationParams params = new GenerationParams().strength(0.9f).seed(4);
            VideoFrame output = generate(generator, params);
            assertArrayEquals(TestImages.bytes(output), TestImages.bytes(generate(generator, params)));
            assertTrue(TestImages.contrast(output) > 1);
        }
    }

    @Test
    void theTimestepTypeAndShapeTheUnetDeclaresAreHonoured() throws Exception {
        GenerationParams params = new GenerationParams().strength(0.7f).seed(9);
        byte[] reference;
        try (ImageGenerator generator = GeneratorFactory.open(spec(folder))) {
            reference = TestImages.bytes(generate(generator, params));
        }
        Object[][] variants = {{ElementType.INT32, TimestepShape.ONE}, {ElementType.INT64, TimestepShape.SCALAR},
                {ElementType.FLOAT32, TimestepShape.SCALAR}, {ElementType.FLOAT16, TimestepShape.ONE},
                {ElementType.INT64, TimestepShape.BATCH}};
        for (Object[] variant : variants) {
            ElementType type = (ElementType) variant[0];
            TimestepShape shape = (TimestepShape) variant[1];
            Path root = TinyModels.diffusionFolder(models.resolve("timestep-" + type + "-" + shape));
            TinyModels.unetTimestep(root, type, shape);
            try (ImageGenerator generator = GeneratorFactory.open(spec(root))) {
                assertArrayEquals(reference, TestImages.bytes(generate(generator, params)), "timestep " + type + " " + shape);
            }
        }
    }

    @Test
    void theTinyAutoencoderReplacesTheVaeWhenPresent() throws Exception {
        Path root = TinyModels.diffusionFolder(models.resolve("taesd"));
        TinyModels.addTinyAutoencoder(root);
        try (ImageGenerator generator = GeneratorFactory.open(spec(root))) {
            List<String> components = generator.describe().stream().map(ModelDescription::component).toList();
            assertEquals(List.of("text_encoder", "unet", "taesd_encoder", "taesd_decoder"), components);
            GenerationParams params = new GenerationParams().strength(0.5f).seed(2);
            VideoFrame output = generate(generator, params);
            assertArrayEquals(TestImages.bytes(output), TestImages.bytes(generate(generator, params)));
            try (ImageGenerator vae = GeneratorFactory.open(spec(folder))) {
                assertNotEquals(0, TestImages.meanAbsDifference(output, generate(vae, params)),
                        "a different autoencoder, at latent scale 1");
            }
        }
    }

    @Test
    void aUnetOutsideTheLayoutIsRefusedNamingExpectedAndFound() throws Exception {
        Path broken = TinyModels.diffusionFolder(models.resolve("broken"));
        OnnxGraph graph = new OnnxGraph("not-a-unet");
        graph.input("latents", ElementType.FLOAT32, 1, 4, 8, 8);
        graph.nodeNamed("noise", "Identity", List.of("latents"));
        graph.output("noise", ElementType.FLOAT32, 1, 4, 8, 8);
        graph.write(broken.resolve("unet/model.onnx"));
        ModelContractException e = assertThrows(ModelContractException.class, () -> GeneratorFactory.open(spec(broken)));
        String message = e.getMessage();
        assertTrue(message.startsWith(broken.resolve("unet/model.onnx") + " does not fit the diffusers ONNX layout"),
                message);
        assertTrue(message.contains("no input sample"), message);
        assertTrue(message.contains("expected inputs [sample float32|float16[batch, 4, height/8, width/8], timestep"),
                message);
        assertTrue(message.contains("found inputs [latents float32[1, 4, 8, 8]]"), message);
    }
}
