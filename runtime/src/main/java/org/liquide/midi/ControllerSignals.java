package org.liquide.midi;

import org.liquide.signal.SignalBus;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one controller plays, as signals on the bus (source {@code midi}): {@code midi/<controller>/cc/<n>} (value / 127),
 * {@code midi/<controller>/note/<n>} (velocity / 127, 0 when released), {@code midi/<controller>/program} (the program
 * number) and {@code midi/<controller>/pitch} (-1 to 1). A real {@link Receiver}: the controller's transmitter calls it
 * on the device's thread. Each control's last value is kept, for {@link #repeat()}.
 */
final class ControllerSignals implements Receiver {
    static final String SOURCE = "midi";

    private final MidiController controller;
    private final SignalBus bus;
    private final MidiLearn learn;
    private final String[] cc = new String[128];
    private final String[] note = new String[128];
    private final String program;
    private final String pitch;
    private final Map<String, Double> last = new ConcurrentHashMap<>();

    ControllerSignals(MidiController controller, SignalBus bus, MidiLearn learn) {
        this.controller = controller;
        this.bus = bus;
        this.learn = learn;
        String prefix = SOURCE + "/" + controller.name() + "/";
        for (int i = 0; i < 128; i++) {
            cc[i] = prefix + "cc/" + i;
            note[i] = prefix + "note/" + i;
        }
        this.program = prefix + "program";
        this.pitch = prefix + "pitch";
    }

    @Override
    public void send(MidiMessage message, long timeStamp) {
        if (!(message instanceof ShortMessage m)) {
            return; // system exclusive, meta: nothing to map
        }
        if (controller.channel() != 0 && m.getChannel() != controller.channel() - 1) {
            return;
        }
        switch (m.getCommand()) {
            case ShortMessage.CONTROL_CHANGE -> moved(cc[m.getData1()], m.getData2() / 127.0);
            case ShortMessage.NOTE_ON -> {
                if (m.getData2() > 0) {
                    moved(note[m.getData1()], m.getData2() / 127.0);
                } else {
                    publish(note[m.getData1()], 0); // a note-on at velocity 0 is a release
                }
            }
            case ShortMessage.NOTE_OFF -> publish(note[m.getData1()], 0);
            case ShortMessage.PROGRAM_CHANGE -> publish(program, m.getData1());
            case ShortMessage.PITCH_BEND -> moved(pitch, Math.max(-1, ((m.getData2() << 7 | m.getData1()) - 8192) / 8191.0));
            default -> {
                // aftertouch, clock, active sensing: not signals
            }
        }
    }

    private void moved(String signal, double value) {
        publish(signal, value);
        learn.moved(signal);
    }

    private void publish(String signal, double value) {
        last.put(signal, value);
        bus.publish(SOURCE, signal, new double[]{value}, 1, System.currentTimeMillis());
    }

    /**
     * Publishes each control's last value again: a fader holds its place, so its mappings must not go stale while the
     * controller is there (they do, after their timeout, once it is gone and this stops).
     */
    void repeat() {
        long now = System.currentTimeMillis();
        last.forEach((signal, value) -> bus.publish(SOURCE, signal, new double[]{value}, 1, now));
    }

    @Override
    public void close() {
        // the device closes its transmitter; nothing of ours to release
    }
}
