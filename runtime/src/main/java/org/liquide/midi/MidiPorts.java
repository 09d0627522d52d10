package org.liquide.midi;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import java.util.List;

/** The MIDI devices of this machine, as {@code javax.sound.midi} lists them; tests hand in their own. */
public interface MidiPorts {
    MidiPorts SYSTEM = new MidiPorts() {
        @Override
        public List<MidiDevice.Info> devices() {
            return List.of(MidiSystem.getMidiDeviceInfo());
        }

        @Override
        public MidiDevice device(MidiDevice.Info info) throws MidiUnavailableException {
            return MidiSystem.getMidiDevice(info);
        }
    };

    /** The devices present now (listed again at each call: a device unplugged is no longer there). */
    List<MidiDevice.Info> devices();

    /** The device of one listed info, not yet opened. */
    MidiDevice device(MidiDevice.Info info) throws MidiUnavailableException;
}
