package org.liquide.bench;

import org.junit.jupiter.api.Test;
import org.liquide.testing.GoldenImages;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The demo's generated layer has detail at several scales, evolves slowly, and takes the visitors' shape. */
class GeneratorLookTest {

    @Test
    void theGeneratedLayerHasDetailAtEveryScaleEvolvesWithoutJumpsAndTakesTheVisitorsShape() throws Exception {
        LookBench.Look look = LookBench.measure();
        for (int band = 0; band < look.bands().length; band++) {
            assertTrue(look.bands()[band] > 1.5, "band " + band + " has structure: " + Arrays.toString(look.bands()));
        }
        for (double perSecond : look.perSecond()) {
            assertTrue(perSecond > 2 && perSecond < 30, "it changes from second to second, slowly: " + Arrays.toString(look.perSecond()));
        }
        double slowest = Arrays.stream(look.perSecond()).min().orElseThrow();
        assertTrue(look.perImage() < slowest / 3, "no jump from one image to the next: " + look.perImage() + " vs " + slowest + " per second");
        assertTrue(look.inside() > 20 && look.inside() > 5 * look.outside(), "the visitor's silhouette shapes the layer: inside "
                + look.inside() + ", outside " + look.outside());
        GoldenImages.assertMatches("demo-generated-layer", look.picture(), 6, 0.12);
    }
}
