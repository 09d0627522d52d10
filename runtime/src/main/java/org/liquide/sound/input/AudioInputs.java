package org.liquide.sound.input;

import org.liquide.signal.SignalBus;
import org.liquide.sound.AudioConfig;
import org.liquide.sound.AudioTap;

import java.util.List;

/** The showcase's audio inputs, each on its own thread, started together and closed together. */
public final class AudioInputs implements AutoCloseable {
    private final List<AudioInput> inputs;

    private AudioInputs(List<AudioInput> inputs) {
        this.inputs = inputs;
    }

    /** Starts every input; the first one is also what the shaders hear ({@link AudioTap#shared()}). */
    public static AudioInputs start(AudioConfig config, SignalBus bus) {
        List<AudioInput> inputs = new java.util.ArrayList<>();
        for (var spec : config.inputs()) {
            inputs.add(new AudioInput(spec, bus, inputs.isEmpty() ? AudioTap.shared() : null).start());
        }
        return new AudioInputs(List.copyOf(inputs));
    }

    public List<AudioInput> inputs() {
        return inputs;
    }

    @Override
    public void close() {
        inputs.forEach(AudioInput::close);
    }
}
