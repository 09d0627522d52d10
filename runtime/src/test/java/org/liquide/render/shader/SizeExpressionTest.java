package org.liquide.render.shader;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SizeExpressionTest {
    @Test
    void evaluatesExpressionsOfTheRenderSizeAndInputs() {
        SizeExpression half = SizeExpression.compile("$WIDTH/2", Set.of());
        assertEquals(640, half.evaluate(1280, 720, new float[0], 1280));
        SizeExpression blur = SizeExpression.compile("max(floor($HEIGHT / $blurAmount), 1.0)", Set.of("blurAmount"));
        assertArrayEquals(new String[]{"blurAmount"}, blur.inputNames());
        assertEquals(240, blur.evaluate(1280, 720, new float[]{3f}, 720));
        assertEquals(1, blur.evaluate(1280, 720, new float[]{5000f}, 720), "at least one pixel");
        assertEquals(16, SizeExpression.compile("pow(2, 4)", Set.of()).evaluate(1, 1, new float[0], 1));
        assertEquals(3, SizeExpression.compile("clamp(round(2.6), 1, 8)", Set.of()).evaluate(1, 1, new float[0], 1));
        assertEquals(100, SizeExpression.compile("min($WIDTH, 100)", Set.of()).evaluate(1280, 720, new float[0], 1));
        assertEquals(SizeExpression.MAX_SIZE, SizeExpression.compile("$WIDTH * 1000", Set.of()).evaluate(1280, 720, new float[0], 1));
    }

    @Test
    void aResultThatIsNotANumberFallsBackToTheRenderSize() {
        SizeExpression divide = SizeExpression.compile("$WIDTH / $scale", Set.of("scale"));
        assertEquals(1280, divide.evaluate(1280, 720, new float[]{0f}, 1280));
        assertEquals(720, SizeExpression.compile("sqrt(0 - $HEIGHT)", Set.of()).evaluate(1280, 720, new float[0], 720));
    }

    @Test
    void rejectsUnknownNamesAndMalformedExpressions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SizeExpression.compile("$WIDTH * $zoom", Set.of("speed")));
        assertTrue(unknown.getMessage().contains("'$zoom'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SizeExpression.compile("$WIDTH * (2", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> SizeExpression.compile("wobble($WIDTH)", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> SizeExpression.compile("$WIDTH $HEIGHT", Set.of()));
    }
}
