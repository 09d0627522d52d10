package org.liquide.generate.factory;

import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.LoadProgress;
import org.liquide.generate.ModelDescription;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.diffusion.DiffusionGenerator;
import org.liquide.generate.engine.Accelerator;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.engine.ProviderChoice;
import org.liquide.generate.onnx.TensorSpec;
import org.liquide.generate.provenance.ModelFile;
import org.liquide.generate.provenance.ModelProvenance;
import org.liquide.generate.provenance.Provenances;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loads models and reports on them: each model's inputs and outputs, the device, and the time of a
 * warm-up image. Used by {@code liquide models check}, and by the show for its configured models.
 */
public final class ModelChecker {
    private ModelChecker() {
    }

    /**
     * What checking one spec found. {@code error} is null when the model loaded and generated;
     * {@code deviceWarning} is not null when it runs on a slower execution provider than the one asked for.
     */
    public record Result(ModelSpec spec, String device, double loadMillis, double warmUpMillis, String error,
                         String deviceWarning) {
        /** Loaded, generated, and runs where it was asked to. */
        public boolean ok() {
            return error == null && deviceWarning == null;
        }
    }

    /**
     * Checks each spec in turn, printing a report to {@code out}; {@code progressFor} gives the progress
     * listener for each spec's load.
     */
    public static List<Result> check(List<ModelSpec> specs, PrintWriter out, Function<ModelSpec, LoadProgress> progressFor) {
        List<Result> results = new ArrayList<>();
        for (ModelSpec spec : specs) {
            results.add(check(spec, out, progressFor.apply(spec)));
            out.flush();
        }
        return results;
    }

    public static Result check(ModelSpec spec, PrintWriter out, LoadProgress progress) {
        out.println(spec.source() + " (" + spec.width() + "x" + spec.height() + ", asked for " + spec.device() + ")");
        long start = System.nanoTime();
        ImageGenerator generator;
        try {
            generator = GeneratorFactory.open(spec, progress);
        } catch (ModelLoadException | RuntimeException e) {
            out.println("  FAILED: " + e.getMessage());
            return new Result(spec, null, 0, 0, e.getMessage(), null);
        }
        double loadMillis = (System.nanoTime() - start) / 1e6;
        try (generator) {
            ProviderChoice provider = generator.provider();
            out.printf("  %s on %s, loaded in %.0f ms%n", generator.name(), generator.device(), loadMillis);
            for (String refused : provider.refused()) {
                out.println("  refused " + refused);
            }
            String deviceWarning = provider.warning();
            if (deviceWarning != null) {
                out.println("  DEVICE MISSING: " + deviceWarning);
            }
            if (generator instanceof DiffusionGenerator diffusion) {
                out.println("  " + spec.steps() + " steps, " + diffusion.sampling() + " (stream_batch: "
                        + spec.streamBatching().label() + ")");
            }
            for (ModelDescription model : generator.describe()) {
                out.println("  " + model.component() + " (" + model.device() + ")");
                for (TensorSpec input : model.inputs()) {
                    out.println("    in  " + input);
                }
                for (TensorSpec output : model.outputs()) {
                    out.println("    out " + output);
                }
            }
            VideoFrame input = new VideoFrame();
            VideoFrame output = new VideoFrame();
            try {
                testCard(input, spec.width(), spec.height());
                // TensorRT builds the engines of models with free dimensions at their first run, not at load.
                boolean engines = generator.device().startsWith(Accelerator.TENSORRT.label());
                if (engines) {
                    progress.begin(1);
                    progress.starting("warm-up image (a first TensorRT run builds its engines: minutes, then cached)");
                }
                long warmStart = System.nanoTime();
                try {
                    generator.generate(input, spec.initialParams(), output);
                } finally {
                    if (engines) {
                        progress.step("warm-up image");
                    }
                }
                double warmUpMillis = (System.nanoTime() - warmStart) / 1e6;
                out.printf("  warm-up image %dx%d in %.0f ms%n", output.width(), output.height(), warmUpMillis);
                printProvenance(spec, out);
                return new Result(spec, generator.device(), loadMillis, warmUpMillis, null, deviceWarning);
            } catch (Exception e) {
                out.println("  FAILED to generate: " + e.getMessage());
                return new Result(spec, generator.device(), loadMillis, 0, String.valueOf(e.getMessage()), deviceWarning);
            } finally {
                input.free();
                output.free();
            }
        }
    }

    /** Where the model comes from: repository and commit, licence, size, each file with its sha256. */
    private static void printProvenance(ModelSpec spec, PrintWriter out) {
        ModelProvenance provenance;
        try {
            provenance = new Provenances().of(spec);
        } catch (java.io.UncheckedIOException e) {
            out.println("  provenance: unreadable (" + e.getMessage() + ")");
            return;
        }
        String origin = provenance.hub().map(h -> h.repo() + " at commit " + h.revision()).orElse("not from a Hub repository");
        out.printf(java.util.Locale.ROOT, "  provenance: %s, licence %s, %d files, %d bytes%n", origin,
                provenance.licence().display(), provenance.files().size(), provenance.bytes());
        for (ModelFile file : provenance.files()) {
            out.printf(java.util.Locale.ROOT, "    %s  %d  sha256 %s%n", file.name(), file.size(), file.sha256());
        }
    }

    /** A colour gradient standing in for a camera image. */
    private static void testCard(VideoFrame frame, int width, int height) {
        ByteBuffer pixels = frame.reshape(width, height, width * 3, PixelFormat.RGB24);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int offset = (y * width + x) * 3;
                pixels.put(offset, (byte) (255 * x / Math.max(1, width - 1)));
                pixels.put(offset + 1, (byte) (255 * y / Math.max(1, height - 1)));
                pixels.put(offset + 2, (byte) 128);
            }
        }
    }
}
