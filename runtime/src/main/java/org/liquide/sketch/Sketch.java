package org.liquide.sketch;

import org.liquide.generate.GenerationParams;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import processing.core.PApplet;

import java.util.HashMap;
import java.util.Map;

/**
 * A sketch layer, written like a Processing sketch: extend this class, draw in {@link #draw()} with
 * Processing's functions ({@code background}, {@code fill}, {@code ellipse}, {@code text}...), read the
 * show's signals with {@link #signal(String)} and the generator's parameters with {@link #params()}.
 * The runtime draws it offscreen with Processing's JAVA2D renderer on its own thread and shows the
 * result as a texture; a transparent background lets the layers below show through.
 *
 * <pre>
 * package sketch.hybridation;
 *
 * public class Halo extends org.liquide.sketch.Sketch {
 *     public void draw() {
 *         clear();
 *         float near = (float) signal("entree/distance", 2500);
 *         fill(255, 180, 120, 120);
 *         ellipse(width / 2f, height / 2f, 4000 / near * 40, 4000 / near * 40);
 *     }
 * }
 * </pre>
 */
public abstract class Sketch extends PApplet {
    private SignalBus bus;
    private java.util.List<String> prompts = java.util.List.of();
    private final Map<String, Signal> signals = new HashMap<>();
    private final SignalSample sample = new SignalSample();
    private final GenerationParams params = new GenerationParams();
    private double seconds;

    /** Called by the runtime before {@code setup()}. */
    final void attach(SignalBus bus, java.util.List<String> prompts) {
        this.bus = bus;
        this.prompts = java.util.List.copyOf(prompts);
    }

    /** The scene generator's prompts (what {@code params().promptBlend()} moves between). */
    public java.util.List<String> prompts() {
        return prompts;
    }

    /** The prompt nearest the current prompt blend, or "" when the scene has none. */
    public String currentPrompt() {
        if (prompts.isEmpty()) {
            return "";
        }
        int index = Math.round(params.promptBlend() * (prompts.size() - 1));
        return prompts.get(Math.max(0, Math.min(prompts.size() - 1, index)));
    }

    final void advance(double seconds, int frame, GenerationParams latest) {
        this.seconds = seconds;
        this.frameCount = frame;
        if (latest != null) {
            params.copyFrom(latest);
        }
    }

    /** The latest value of a signal (channel 0), or {@code fallback} before any arrives. */
    public double signal(String name, double fallback) {
        return signal(name, 0, fallback);
    }

    /** One channel of a signal, or {@code fallback} when there is none. */
    public double signal(String name, int channel, double fallback) {
        if (bus == null) {
            return fallback;
        }
        Signal signal = signals.computeIfAbsent(name, bus::signal);
        if (!signal.read(sample) || channel >= sample.channels()) {
            return fallback;
        }
        return sample.value(channel);
    }

    /** Seconds since the scene started. */
    public double seconds() {
        return seconds;
    }

    /** The generator's parameters this frame (latent vector, strength, prompt blend...). */
    public GenerationParams params() {
        return params;
    }

    /** Processing's setup: called once, with {@code width} and {@code height} set. */
    @Override
    public void setup() {
    }

    /** Draws one frame. */
    @Override
    public abstract void draw();
}
