package org.liquide.sound.input;

import org.liquide.signal.SignalBus;
import org.liquide.sound.AudioConfig;

import java.util.List;

/** The showcase's audio inputs, each on its own thread, started together and closed together. */
public final class AudioInputs implements AutoCloseable {
    private final List<AudioInput> inputs;

    private AudioInputs(List<AudioInput> inputs) {
        this.inputs = inputs;
    }

    public static AudioInputs start(AudioConfig config, SignalBus bus) {
        return new AudioInputs(config.inputs().stream().map(spec -> new AudioInput(spec, bus).start()).toList());
    }

    public List<AudioInput> inputs() {
        return inputs;
    }

    @Override
    public void close() {
        inputs.forEach(AudioInput::close);
    }
}
