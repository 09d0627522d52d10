package org.liquide.render.shader;

import org.liquide.testing.SteadyStateAllocation;

import org.liquide.testing.SteadyStateAllocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.render.BlendMode;
import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.Layer;
import org.liquide.render.LayerStack;
import org.liquide.render.LayerStyle;
import org.liquide.render.layer.StillImageSource;
import org.liquide.testing.OffscreenGl;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** In steady state, shader layers render and take mapping values without allocating on the Java heap. */
@ExtendWith(OffscreenGl.class)
class ShaderAllocationTest {
    @Test
    void framesOfGeneratorsAndAFilterWithMappingsAllocateNothing() throws Exception {
        SteadyStateAllocation allocation = new SteadyStateAllocation(100);

        VideoFrame photo = new VideoFrame();
        ByteBuffer pixels = photo.reshape(64, 36, 64 * 3, PixelFormat.RGB24);
        for (int i = 0; i < 64 * 36 * 3; i++) {
            pixels.put(i, (byte) (i * 7));
        }
        ShaderLayer trail = ShaderTesting.open("trail-persistent.fs", 160, 90);
        ShaderLayer all = ShaderTesting.open("all-inputs.fs", 160, 90);
        ShaderLayer blur = ShaderTesting.open("blur-multipass.fs", 160, 90);
        ShaderInputs allInputs = all.inputs();
        int decay = trail.inputs().index("decay");
        int radius = blur.inputs().index("radius");
        int downsample = blur.inputs().index("downsample");
        int spot = allInputs.index("spot");
        int tint = allInputs.index("tint");
        int flash = allInputs.index("flash");
        int level = allInputs.index("level");
        int invert = allInputs.index("invert");

        try (Compositor compositor = new Compositor(160, 90);
             LayerStack stack = new LayerStack(List.of(
                     new Layer("photo", new StillImageSource(photo), new LayerStyle()),
                     new Layer("all", all, new LayerStyle().opacity(0.5f)),
                     new Layer("trail", trail, new LayerStyle().blend(BlendMode.SCREEN)),
                     new Layer("blur", blur, new LayerStyle())), List.of())) {
            FrameClock clock = new FrameClock();
            for (int frame = 0; !allocation.done(); frame++) {
                allocation.frame(frame);
                // What the show's mappings do each frame.
                float t = frame / 60f;
                trail.inputs().setFloat(decay, 0.8f + 0.1f * (frame % 2));
                blur.inputs().setFloat(radius, 2f + (frame % 3));
                blur.inputs().setLong(downsample, 2);
                allInputs.setPoint(spot, t % 1f, 1f - t % 1f);
                allInputs.setColor(tint, 1f, t % 1f, 0.5f, 1f);
                allInputs.setFloat(level, t % 2f);
                allInputs.setBool(invert, frame % 2 == 0);
                if (frame % 10 == 0) {
                    allInputs.fireEvent(flash);
                }
                clock.advance(Math.round(frame * 1e9 / 60.0));
                stack.render(clock, compositor);
            }
        }
        allocation.assertNonePerFrame("shader layers with mappings");
    }
}
