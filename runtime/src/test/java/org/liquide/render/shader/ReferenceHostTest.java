package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.testing.OffscreenGl;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.render.shader.ShaderTesting.*;

/**
 * What files of the public ISF collection rely on, drawn as the ISF reference host draws it. Each shader
 * under {@code shaders/reference-host/} reproduces one class of file that Liquide drew wrongly or refused
 * (the compatibility check of {@code liquide shader FOLDER} found them).
 */
@ExtendWith(OffscreenGl.class)
class ReferenceHostTest {

    @Test
    void vertexShadersSeeCoordinatesInZeroToOneAtThePictureCorners() throws Exception {
        try (ShaderLayer layer = open("reference-host/clamped-neighbours.fs", 64, 32)) {
            BufferedImage image = render(layer, 1);
            for (int x : new int[]{4, 20, 40, 62}) {
                int own = green(image, x, 16);
                assertEquals(Math.round(255 * (x + 0.5) / 64), own, 1, "isf_FragNormCoord.x at " + x);
                // Clamped at the corners (0 and 63/64) and interpolated between them, as the reference host's
                // quad gives; one oversized triangle clamps at 2 and halves it.
                assertEquals(Math.round(255 * (x + 0.5) / 64 * 63 / 64), red(image, x, 16), 1,
                        "the clamped neighbour coordinate at " + x);
            }
            assertEquals(Math.round(255 * 16.5 / 32), blue(image, 30, 15), 1, "the neighbour's y is the pixel's y");
        }
    }

    @Test
    void attributesWrittenInLowerCaseMeanWhatTheirUpperCaseSpellingMeans() throws Exception {
        ShaderDocument document = ShaderDocument.load(shader("reference-host/lowercase-persistent.fs"));
        assertTrue(document.header().passes().getFirst().persistent());
        assertEquals("counter", document.header().passes().getFirst().target().orElseThrow());
        assertTrue(document.warnings().stream().anyMatch(w -> w.message().equals(
                "\"persistent\" is read as \"PERSISTENT\": ISF attributes are upper case")), document.warnings().toString());
        try (ShaderLayer layer = open(document, 16, 8)) {
            BufferedImage image = render(layer, 20);
            assertEquals(20, red(image, 8, 4), 1, "the buffer kept its value between frames: 20 steps of 1/255");
        }
    }

    @Test
    void aRangeWrittenMaxFirstIsDrawnWithTheReferenceHostsDefault() throws Exception {
        ShaderDocument document = ShaderDocument.load(shader("reference-host/swapped-range.fs"));
        assertEquals("swapped-range.fs:5:51: warning: input 'size': MIN 1.0 is greater than MAX 0.25: read as the range 0.25 to 1.0",
                document.warnings().getFirst().format());
        try (ShaderLayer layer = open(document, 8, 8)) {
            assertEquals(255, red(render(layer, 1), 4, 4), "DEFAULT 0.001 is below MIN 1, so the reference host starts at MIN");
            int size = layer.inputs().index("size");
            layer.inputs().setFloat(size, 0.5f);
            assertEquals(128, red(render(layer, 1), 4, 4), 1);
            layer.inputs().setFloat(size, 0f);
            assertEquals(64, red(render(layer, 1), 4, 4), 1, "clamped to the range's low end, 0.25");
        }
    }

    @Test
    void intsConvertToFloatOnReturnAndToUintInComparisonsAndAssignments() throws Exception {
        try (ShaderLayer layer = open("reference-host/implicit-conversions.fs", 100, 4)) {
            BufferedImage image = render(layer, 1);
            assertEquals(0, red(image, 20, 2), "an int 0 returned from a float function");
            assertEquals(255, red(image, 80, 2), "an int 1 returned from a float function");
            assertEquals(41, green(image, 20, 2), 1, "uint(200 * 0.205) = 41 is under 95");
            assertEquals(95, green(image, 80, 2), "capped at the int 95");
        }
    }
}
