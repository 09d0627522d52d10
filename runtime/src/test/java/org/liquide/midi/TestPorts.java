package org.liquide.midi;

import javax.sound.midi.MidiDevice;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A machine's MIDI device list the test plugs devices into and unplugs them from. */
final class TestPorts implements MidiPorts {
    private final List<MidiDevice.Info> listed = new CopyOnWriteArrayList<>();
    private final Map<MidiDevice.Info, MidiDevice> devices = new ConcurrentHashMap<>();

    void plug(MidiDevice device) {
        devices.put(device.getDeviceInfo(), device);
        listed.add(device.getDeviceInfo());
    }

    void unplug(MidiDevice device) {
        listed.remove(device.getDeviceInfo());
    }

    @Override
    public List<MidiDevice.Info> devices() {
        return List.copyOf(listed);
    }

    @Override
    public MidiDevice device(MidiDevice.Info info) {
        return devices.get(info);
    }
}
