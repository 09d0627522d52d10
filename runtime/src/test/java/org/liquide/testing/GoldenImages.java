package org.liquide.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares rendered images with golden PNGs under {@code src/test/resources/golden/}, with a tolerance
 * (drivers differ in rounding and filtering). Run with {@code -Dliquide.updateGoldens=true} to rewrite
 * them after a deliberate change, then look at every rewritten image before committing it.
 */
public final class GoldenImages {
    private static final Path SOURCE_DIR = Path.of("src/test/resources/golden");

    private GoldenImages() {
    }

    /**
     * Asserts the image matches the golden one: mean absolute difference per channel under
     * {@code meanTolerance}, and no more than {@code outlierFraction} of the pixels off by more than 24/255.
     */
    public static void assertMatches(String name, BufferedImage actual, double meanTolerance, double outlierFraction)
            throws IOException {
        if (Boolean.getBoolean("liquide.updateGoldens")) {
            Files.createDirectories(SOURCE_DIR);
            ImageIO.write(actual, "png", SOURCE_DIR.resolve(name + ".png").toFile());
            return;
        }
        BufferedImage golden;
        try (InputStream in = GoldenImages.class.getResourceAsStream("/golden/" + name + ".png")) {
            assertNotNull(in, "no golden image golden/" + name + ".png; run with -Dliquide.updateGoldens=true and review it");
            golden = ImageIO.read(in);
        }
        assertAlike(name, golden, actual, meanTolerance, outlierFraction);
    }

    /**
     * Asserts two renders match with the same tolerance as a golden image (the expected one in the golden's
     * place): for two paths that must draw the same picture.
     */
    public static void assertAlike(String name, BufferedImage golden, BufferedImage actual, double meanTolerance,
                                   double outlierFraction) throws IOException {
        assertEquals(golden.getWidth(), actual.getWidth(), name + ": width");
        assertEquals(golden.getHeight(), actual.getHeight(), name + ": height");
        double totalDifference = 0;
        long outliers = 0;
        long samples = 0;
        for (int y = 0; y < golden.getHeight(); y++) {
            for (int x = 0; x < golden.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int g = golden.getRGB(x, y);
                int worst = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs((a >> shift & 0xFF) - (g >> shift & 0xFF));
                    totalDifference += d;
                    worst = Math.max(worst, d);
                    samples++;
                }
                if (worst > 24) {
                    outliers++;
                }
            }
        }
        double mean = totalDifference / samples;
        double outlierShare = (double) outliers / (golden.getWidth() * golden.getHeight());
        if (mean > meanTolerance || outlierShare > outlierFraction) {
            Path dump = Path.of("target/golden-failures/" + name + ".png");
            Files.createDirectories(dump.getParent());
            ImageIO.write(actual, "png", dump.toFile());
        }
        assertTrue(mean <= meanTolerance, name + ": mean difference " + mean + " > " + meanTolerance + " (actual image in target/golden-failures)");
        assertTrue(outlierShare <= outlierFraction, name + ": " + outlierShare * 100 + "% pixels differ by more than 24 (actual image in target/golden-failures)");
    }
}
