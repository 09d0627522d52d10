package org.liquide.midi;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A virtual MIDI port, as a loopback driver offers one: what the test plays leaves through its transmitter to whoever
 * set a receiver on it, and what is sent to its receiver is kept for the test to read.
 */
final class VirtualPort implements MidiDevice {
    private final Info info;
    private final List<MidiMessage> received = new CopyOnWriteArrayList<>();
    private volatile Receiver connected;
    private volatile boolean open;

    VirtualPort(String name, String description) {
        this.info = new Info(name, "test", description, "1") {
        };
    }

    /** Plays a channel message (command, channel 0-15, data) out of the port's transmitter. */
    void play(int command, int channel, int data1, int data2) throws InvalidMidiDataException {
        Receiver receiver = connected;
        if (receiver == null) {
            throw new IllegalStateException("nobody listens to " + info.getName());
        }
        receiver.send(new ShortMessage(command, channel, data1, data2), -1);
    }

    List<MidiMessage> received() {
        return received;
    }

    @Override
    public Info getDeviceInfo() {
        return info;
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public void close() {
        open = false;
        connected = null;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long getMicrosecondPosition() {
        return -1;
    }

    @Override
    public int getMaxReceivers() {
        return -1;
    }

    @Override
    public int getMaxTransmitters() {
        return -1;
    }

    @Override
    public Receiver getReceiver() {
        return new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (!open) {
                    throw new IllegalStateException("port closed");
                }
                received.add(message);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<Receiver> getReceivers() {
        return List.of();
    }

    @Override
    public Transmitter getTransmitter() {
        return new Transmitter() {
            @Override
            public void setReceiver(Receiver receiver) {
                connected = receiver;
            }

            @Override
            public Receiver getReceiver() {
                return connected;
            }

            @Override
            public void close() {
                connected = null;
            }
        };
    }

    @Override
    public List<Transmitter> getTransmitters() {
        return List.of();
    }
}
