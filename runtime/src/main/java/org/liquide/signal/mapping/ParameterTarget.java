package org.liquide.signal.mapping;

import java.util.function.DoubleConsumer;

/**
 * What a mapping moves: a named setter resolved once when the scene is built (a layer's opacity, the
 * generator's strength, an ISF input). Called on the render thread; must not allocate.
 */
public record ParameterTarget(String name, DoubleConsumer setter) {

    public void set(double value) {
        setter.accept(value);
    }

    /**
     * A target that acts once each time the mapped value rises through 0.5 (a trigger): a new seed,
     * an ISF event.
     */
    public static ParameterTarget onRisingEdge(String name, Runnable action) {
        boolean[] high = new boolean[1];
        return new ParameterTarget(name, value -> {
            boolean now = value > 0.5;
            if (now && !high[0]) {
                action.run();
            }
            high[0] = now;
        });
    }
}
