package org.liquide.generate.equivalent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.StreamBatching;
import org.liquide.generate.TestImages;
import org.liquide.generate.diffusion.DiffusionGenerator;
import org.liquide.generate.factory.GeneratorFactory;
import org.liquide.generate.onnx.ElementType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class EquivalentModelTest {
    /** SD-Turbo's (= SD 2.1's) parameter counts, as diffusers and transformers count them (num_parameters()). */
    private static final long UNET = 865_910_724L;
    private static final long TEXT_ENCODER = 340_387_840L;
    private static final long VAE = 83_653_863L;

    @Test
    void theFullSizeNetworksHaveSdTurbosParameterCounts() {
        Map<String, Long> counts = EquivalentModel.count(SdTurboShape.full(), ElementType.FLOAT16).stream()
                .collect(Collectors.toMap(EquivalentModel.Component::name, EquivalentModel.Component::parameters));
        assertEquals(UNET, counts.get("unet"), "unet");
        assertEquals(TEXT_ENCODER, counts.get("text_encoder"), "text_encoder");
        assertEquals(VAE, counts.get("vae_encoder") + counts.get("vae_decoder"), "vae");
        long bytes = EquivalentModel.count(SdTurboShape.full(), ElementType.FLOAT16).stream()
                .mapToLong(EquivalentModel.Component::bytes).sum();
        assertEquals(2 * (counts.values().stream().mapToLong(Long::longValue).sum()), bytes, "two bytes a float16 weight");
    }

    @Test
    void aNarrowedCopyRunsThroughTheDiffusionPipelineOnTheCpu(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("sd-turbo-equivalent");
        List<EquivalentModel.Component> heard = new ArrayList<>();
        List<EquivalentModel.Component> written = EquivalentModel.write(folder, SdTurboShape.scaled(10, 128),
                ElementType.FLOAT32, heard::add);
        assertEquals(List.of("text_encoder", "unet", "vae_encoder", "vae_decoder"),
                written.stream().map(EquivalentModel.Component::name).toList());
        assertEquals(written, heard);
        for (EquivalentModel.Component component : written) {
            Path model = folder.resolve(component.name()).resolve("model.onnx");
            Path data = model.resolveSibling(EquivalentModel.DATA_FILE);
            assertTrue(Files.size(data) > 4 * component.parameters() * 9 / 10, component + ": weights outside the model");
            assertTrue(Files.size(model) < Files.size(data) / 4, component + ": the model holds the graph, not the weights");
        }
        assertFalse(Files.exists(dir.resolve("sd-turbo-equivalent.partial")));

        ModelSpec spec = ModelSpec.of(folder.toString()).withSize(160, 120).withSteps(2).withStrength(0.5f)
                .withPrompts(List.of("ink in water")).withThreads(1, 1);
        try (ImageGenerator generator = GeneratorFactory.open(spec)) {
            DiffusionGenerator diffusion = assertInstanceOf(DiffusionGenerator.class, generator);
            assertEquals(128, diffusion.runWidth(), "the size the UNet declares");
            assertEquals(128, diffusion.runHeight());
            assertEquals("cpu", generator.device());
            assertEquals(List.of("text_encoder", "unet", "vae_encoder", "vae_decoder"),
                    generator.describe().stream().map(ModelDescription::component).toList());
            VideoFrame output = new VideoFrame();
            generator.generate(TestImages.sceneFrame(160, 120, 0), new GenerationParams().strength(0.5f).seed(1), output);
            assertEquals(160, output.width());
            assertEquals(120, output.height());
            assertTrue(TestImages.contrast(output) > 0, "an image, not a flat colour");
        }

        // The UNet takes a batch, each latent at its own timestep, as a stream batch needs.
        List<VideoFrame> stepByStep = generateThree(spec.withStreamBatching(StreamBatching.OFF));
        List<VideoFrame> stream = generateThree(spec.withStreamBatching(StreamBatching.ON));
        assertTrue(TestImages.meanAbsDifference(stepByStep.get(1), stepByStep.get(2)) > 0.1, "different images");
        for (int j : new int[]{1, 2}) {
            double difference = TestImages.meanAbsDifference(stepByStep.get(j - 1), stream.get(j));
            assertTrue(difference < 0.05, "stream image " + j + " is image " + (j - 1) + "'s: " + difference);
        }
    }

    /** Three different camera images through a generator opened from {@code spec}. */
    private static List<VideoFrame> generateThree(ModelSpec spec) throws Exception {
        List<VideoFrame> outputs = new ArrayList<>();
        try (ImageGenerator generator = GeneratorFactory.open(spec)) {
            for (int i = 0; i < 3; i++) {
                VideoFrame output = new VideoFrame();
                generator.generate(TestImages.sceneFrame(160, 120, 2 * i), new GenerationParams().strength(0.5f).seed(1),
                        output);
                outputs.add(output);
            }
        }
        return outputs;
    }

    @Test
    void anExistingFolderIsNotOverwritten(@TempDir Path dir) {
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> EquivalentModel.write(dir, SdTurboShape.scaled(10, 64), ElementType.FLOAT32, component -> { }));
    }
}
