package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.liquide.render.shader.InputSpec.Vec2;
import org.liquide.render.shader.InputSpec.Vec4;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ShaderInputsTest {
    private static final Vec4 BLACK = new Vec4(0, 0, 0, 1);
    private static final List<InputSpec> SPECS = List.of(
            new InputSpec.FloatInput("speed", "Speed", 1, 1f, 0f, 2f),
            new InputSpec.BoolInput("invert", "invert", 2, false),
            new InputSpec.LongInput("mode", "mode", 3, 0, 0, 2, List.of(0, 1, 2), List.of("calm", "wavy", "wild")),
            new InputSpec.Point2DInput("center", "center", 4, new Vec2(0.5f, 0.5f), new Vec2(0, 0), new Vec2(1, 1)),
            new InputSpec.ColorInput("tint", "tint", 5, BLACK, new Vec4(0, 0, 0, 0), new Vec4(1, 1, 1, 1)),
            new InputSpec.EventInput("flash", "flash", 6),
            new InputSpec.ImageInput("paper", "paper", 7));

    private static ShaderInputs inputs() {
        ShaderInputs inputs = new ShaderInputs();
        inputs.apply(SPECS);
        return inputs;
    }

    @Test
    void looksInputsUpByNameOnceAndStartsThemAtTheirDefaults() {
        ShaderInputs inputs = inputs();
        assertEquals(7, inputs.count());
        assertEquals(0, inputs.index("speed"));
        assertEquals(5, inputs.index("flash"));
        assertEquals(-1, inputs.index("nope"));
        assertEquals(1f, inputs.value(inputs.index("speed")));
        assertEquals(0.5f, inputs.component(inputs.index("center"), 1));
        assertEquals(1f, inputs.component(inputs.index("tint"), 3));
        assertEquals(SPECS, inputs.specs());
    }

    @Test
    void settersClampToMinAndMaxAndIgnoreNaN() {
        ShaderInputs inputs = inputs();
        int speed = inputs.index("speed");
        inputs.setFloat(speed, 5f);
        assertEquals(2f, inputs.value(speed));
        inputs.setFloat(speed, -1f);
        assertEquals(0f, inputs.value(speed));
        inputs.setFloat(speed, Float.NaN);
        assertEquals(0f, inputs.value(speed), "NaN from a broken mapping is ignored");
        int mode = inputs.index("mode");
        inputs.setLong(mode, 7);
        assertEquals(2f, inputs.value(mode), "clamped to the largest of VALUES");
        inputs.setFloat(mode, 0.6f);
        assertEquals(1f, inputs.value(mode), "a float into a long input is rounded");
        int center = inputs.index("center");
        inputs.setPoint(center, 1.5f, -0.5f);
        assertEquals(1f, inputs.component(center, 0));
        assertEquals(0f, inputs.component(center, 1));
        int tint = inputs.index("tint");
        inputs.setColor(tint, 2f, 0.5f, -1f, 0.25f);
        assertArrayEquals(new float[]{1f, 0.5f, 0f, 0.25f}, new float[]{inputs.component(tint, 0), inputs.component(tint, 1),
                inputs.component(tint, 2), inputs.component(tint, 3)});
        int invert = inputs.index("invert");
        inputs.setBool(invert, true);
        assertEquals(1f, inputs.value(invert));
        inputs.setFloat(invert, 0.2f);
        assertEquals(0f, inputs.value(invert), "a float into a bool input: true from 0.5");
    }

    @Test
    void wrongTypesAndMissingInputsAreNoOps() {
        ShaderInputs inputs = inputs();
        inputs.setFloat(-1, 3f);
        inputs.setColor(-1, 1, 1, 1, 1);
        inputs.fireEvent(99);
        int center = inputs.index("center");
        inputs.setFloat(center, 0.9f);
        assertEquals(0.5f, inputs.component(center, 0));
        inputs.setLong(inputs.index("speed"), 2);
        assertEquals(1f, inputs.value(inputs.index("speed")), "setLong does not set a float input");
    }

    @Test
    void anEventIsPendingUntilTheFrameThatShowsItEnds() {
        ShaderInputs inputs = inputs();
        int flash = inputs.index("flash");
        assertFalse(inputs.eventPending(flash));
        inputs.fireEvent(flash);
        assertTrue(inputs.eventPending(flash));
        inputs.endFrame();
        assertFalse(inputs.eventPending(flash));
    }

    @Test
    void textValuesFollowTheSetSyntax() {
        ShaderInputs inputs = inputs();
        inputs.setFromText(inputs.index("speed"), "0.75");
        assertEquals(0.75f, inputs.value(inputs.index("speed")));
        inputs.setFromText(inputs.index("invert"), "true");
        assertEquals(1f, inputs.value(inputs.index("invert")));
        inputs.setFromText(inputs.index("mode"), "WILD");
        assertEquals(2f, inputs.value(inputs.index("mode")), "a long by its label");
        inputs.setFromText(inputs.index("mode"), "1");
        assertEquals(1f, inputs.value(inputs.index("mode")));
        inputs.setFromText(inputs.index("center"), "0.2, 0.8");
        assertEquals(0.8f, inputs.component(inputs.index("center"), 1));
        inputs.setFromText(inputs.index("tint"), "#ff8000");
        assertEquals(128 / 255f, inputs.component(inputs.index("tint"), 1), 1e-6);
        assertEquals(1f, inputs.component(inputs.index("tint"), 3));
        inputs.setFromText(inputs.index("tint"), "0,0.5,1");
        assertEquals(1f, inputs.component(inputs.index("tint"), 2));
        inputs.setFromText(inputs.index("flash"), "true");
        assertTrue(inputs.eventPending(inputs.index("flash")));

        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> inputs.setFromText(inputs.index("speed"), "fast"));
        assertEquals("'speed' is a float input: expected a number, got 'fast'", notANumber.getMessage());
        IllegalArgumentException badLabel = assertThrows(IllegalArgumentException.class,
                () -> inputs.setFromText(inputs.index("mode"), "stormy"));
        assertTrue(badLabel.getMessage().contains("calm, wavy, wild"), badLabel.getMessage());
        assertThrows(IllegalArgumentException.class, () -> inputs.setFromText(inputs.index("center"), "0.5"));
        assertThrows(IllegalArgumentException.class, () -> inputs.setFromText(inputs.index("tint"), "#12"));
        assertThrows(IllegalArgumentException.class, () -> inputs.setFromText(inputs.index("invert"), "maybe"));
        assertThrows(IllegalArgumentException.class, () -> inputs.setFromText(inputs.index("paper"), "paper.png"));
    }

    @Test
    void aNewVersionKeepsIndicesAndTheValuesTheShowSet() {
        ShaderInputs inputs = inputs();
        int speed = inputs.index("speed");
        int mode = inputs.index("mode");
        int center = inputs.index("center");
        inputs.setFloat(speed, 1.5f);
        inputs.setLong(mode, 2);

        inputs.apply(List.of(
                new InputSpec.FloatInput("gain", "gain", 1, 0.3f, 0f, 1f),
                new InputSpec.FloatInput("speed", "speed", 2, 0.2f, 0f, 1f),
                new InputSpec.BoolInput("mode", "mode", 3, true),
                new InputSpec.Point2DInput("center", "center", 4, new Vec2(0.1f, 0.9f), new Vec2(0, 0), new Vec2(1, 1))));

        assertEquals(speed, inputs.index("speed"), "an index stays valid for the layer's lifetime");
        assertEquals(1f, inputs.value(speed), "the value set by the show is kept, clamped to the new MAX");
        assertEquals(1f, inputs.value(mode), "a changed type takes the new default");
        assertEquals(0.9f, inputs.component(center, 1), "a value never set takes the new DEFAULT");
        int gain = inputs.index("gain");
        assertEquals(7, gain, "a new input gets a new index");
        assertEquals(0.3f, inputs.value(gain));
        int invert = 1;
        assertFalse(inputs.isActive(invert));
        assertEquals(-1, inputs.index("invert"), "a removed input is not found any more");
        inputs.setBool(invert, true);
        assertEquals(0f, inputs.value(invert), "setting a removed input does nothing");
    }
}
