package org.liquide.render.shader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.testing.ImageStats;
import org.liquide.testing.OffscreenGl;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.liquide.render.shader.ShaderTesting.*;

/** Live editing: a broken version never replaces a working one; a good one swaps in keeping what it can. */
@ExtendWith(OffscreenGl.class)
class ShaderReloadTest {
    private static final String SOLID = """
            /*{
                "INPUTS": [
                    { "NAME": "level", "TYPE": "float", "MIN": 0.0, "MAX": 1.0, "DEFAULT": 1.0 },
                    { "NAME": "gone", "TYPE": "bool" }
                ]
            }*/
            void main() {
                gl_FragColor = vec4(%s * level, 1.0);
            }
            """;

    @TempDir
    Path dir;

    private static BufferedImage frame(ShaderLayer layer, FrameClock clock) {
        next(clock);
        layer.update(clock);
        return FrameReadback.read(layer.output());
    }

    @Test
    void aBrokenVersionKeepsTheOldOneRenderingAndALaterGoodOneApplies() throws Exception {
        Path file = dir.resolve("solid.fs");
        Files.writeString(file, SOLID.formatted("vec3(1.0, 0.0, 0.0)"));
        try (ShaderLayer layer = ShaderLayer.open(file, 16, 16)) {
            FrameClock clock = clock();
            int level = layer.inputs().index("level");
            layer.inputs().setFloat(level, 0.5f);
            assertEquals(128, ImageStats.of(frame(layer, clock)).meanRed(), 1);

            ReloadResult broken = layer.reload("""
                    /*{ "INPUTS": [ { "NAME": "level", "TYPE": "float" } ] }*/
                    void main() {
                        gl_FragColor = vec4(0.0, 1.0, 0.0, 1.0)
                    }
                    """);
            ReloadResult.Failed failed = assertInstanceOf(ReloadResult.Failed.class, broken);
            assertEquals("solid.fs", failed.errors().getFirst().file());
            assertTrue(failed.errors().getFirst().line() == 3 || failed.errors().getFirst().line() == 4, failed.report());
            ImageStats still = ImageStats.of(frame(layer, clock));
            assertEquals(128, still.meanRed(), 1, "the old version still renders");
            assertEquals(0, still.meanGreen(), 0.01);

            ReloadResult badJson = layer.reload("/*{ \"INPUTS\": [ }*/\nvoid main() {}\n");
            assertEquals(1, assertInstanceOf(ReloadResult.Failed.class, badJson).errors().getFirst().line());
            assertEquals(128, ImageStats.of(frame(layer, clock)).meanRed(), 1);

            Files.writeString(file, SOLID.formatted("vec3(0.0, 1.0, 0.0)").replace("\"gone\", \"TYPE\": \"bool\"", "\"fresh\", \"TYPE\": \"bool\""));
            ReloadResult good = layer.reload(file);
            assertTrue(good.applied(), good.toString());
            ImageStats green = ImageStats.of(frame(layer, clock));
            assertEquals(0, green.meanRed(), 0.01, "the new version renders");
            assertEquals(128, green.meanGreen(), 1, "with the value the show set on 'level'");
            assertEquals(level, layer.inputs().index("level"), "at the same index");
            assertEquals(-1, layer.inputs().index("gone"));
            assertTrue(layer.inputs().index("fresh") >= 0);
        }
    }

    @Test
    void aReloadKeepsTimeAndPersistentBuffersOfTheSameName() throws Exception {
        Path file = dir.resolve("counter.fs");
        Files.copy(shader("counter-persistent.fs"), file);
        try (ShaderLayer layer = ShaderLayer.open(file, 8, 8)) {
            FrameClock clock = clock();
            layer.update(clock);
            for (int i = 0; i < 9; i++) {
                frame(layer, clock);
            }
            assertEquals(10, ImageStats.of(FrameReadback.read(layer.output())).meanRed(), 0.01);
            String edited = Files.readString(file).replace("vec4(count.r, count.g, IMG_THIS_PIXEL(scratch).g, 1.0)",
                    "vec4(count.r, count.g, 0.0, 1.0)");
            assertTrue(layer.reload(edited).applied());
            BufferedImage after = frame(layer, clock);
            assertEquals(11, ImageStats.of(after).meanRed(), 0.01, "the counter went on from 10");
            assertEquals(0, ImageStats.of(after).meanBlue(), 0.01, "with the new code");
        }
    }

    @Test
    void aShowCanStartWithABrokenShaderAndTheFixAppliesLater() throws Exception {
        Path file = dir.resolve("late.fs");
        Files.writeString(file, "/*{ \"INPUTS\": [ { \"NAME\": \"inputImage\", \"TYPE\": \"image\" } ] }*/\nvoid main() { broken }\n");
        ShaderLayer.Loaded loaded = ShaderLayer.load(file, 8, 8);
        assertFalse(loaded.result().applied());
        assertEquals(2, ((ReloadResult.Failed) loaded.result()).errors().getFirst().line());
        try (ShaderLayer layer = loaded.layer()) {
            assertInstanceOf(ShaderFilterLayer.class, layer, "the header says it is a filter");
            assertFalse(layer.image().ready(), "nothing to show yet");
            ReloadResult fixed = layer.reload(Files.readString(shader("invert.fs")));
            assertTrue(fixed.applied(), fixed.toString());
            assertEquals("late.fs", layer.document().name(), "reported against its own file");
        }
        Files.writeString(file, "/*{ \"INPUTS\": [ { \"NAME\": \"inputImage\", \"TYPE\": \"image\" } ] ");
        assertInstanceOf(ShaderFilterLayer.class, ShaderLayer.load(file, 8, 8).layer(), "an unreadable header: guessed from inputImage");
    }

    @Test
    void aGeneratorCannotBecomeAFilterByReload() throws Exception {
        Path file = dir.resolve("solid.fs");
        Files.writeString(file, SOLID.formatted("vec3(1.0)"));
        try (ShaderLayer layer = ShaderLayer.open(file, 8, 8)) {
            ReloadResult result = layer.reload(Files.readString(shader("invert.fs")));
            ReloadResult.Failed failed = assertInstanceOf(ReloadResult.Failed.class, result);
            assertTrue(failed.report().contains("reload the scene to make it a filter"), failed.report());
            assertInstanceOf(ShaderGeneratorLayer.class, layer);
        }
    }
}
