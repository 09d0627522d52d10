package org.liquide.render.shader;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.gl.Texture2D;
import org.liquide.testing.ImageStats;
import org.liquide.testing.OffscreenGl;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The artists' examples in scenes/_shaders compile, render something, and declare what they promise. */
@ExtendWith(OffscreenGl.class)
class ExampleShadersTest {
    private static final Path EXAMPLES = Path.of("../scenes/_shaders");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().matches(".*\\.(fs|frag|glsl)$")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void rendersWithoutWarningsAndShowsSomething(Path example) throws Exception {
        ShaderDocument document = ShaderDocument.load(example);
        assertEquals(List.of(), document.warnings());
        Texture2D input = ImageTextures.upload(ShaderRenderTest.squareImage(96, 54));
        try (ShaderLayer layer = ShaderTesting.open(document, 96, 54)) {
            FrameClock clock = ShaderTesting.clock();
            for (int i = 0; i < 3; i++) {
                if (layer instanceof ShaderFilterLayer filter) {
                    filter.process(input, clock);
                } else {
                    layer.update(clock);
                }
                ShaderTesting.next(clock);
            }
            BufferedImage image = FrameReadback.read(layer.output());
            ImageStats stats = ImageStats.of(image);
            assertTrue(stats.meanRed() + stats.meanGreen() + stats.meanBlue() > 30, example + " draws something: " + stats);
            assertTrue(stats.stdRed() + stats.stdGreen() + stats.stdBlue() > 10, example + " has structure: " + stats);
        } finally {
            input.close();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void describesItselfAndItsInputs(Path example) throws Exception {
        ShaderDocument document = ShaderDocument.load(example);
        if (document.language() == ShaderDocument.Language.ISF) {
            assertFalse(document.header().description().isBlank(), example + " has a DESCRIPTION");
            assertFalse(document.header().categories().isEmpty(), example + " has CATEGORIES");
        }
        assertFalse(document.inputs().stream().filter(i -> !(i instanceof InputSpec.ImageInput)).toList().isEmpty(),
                example + " has inputs to map");
    }
}
