package org.liquide.midi;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scene changes as program changes to the sound software: the scene's configured program, else its place in the
 * playlist. Latest wins: only the program of the last scene is sent, at once if the output is there, else when it
 * comes back (so the sound software follows the scene on stage after an outage too). Used on the MIDI thread, told
 * of scenes from any thread.
 */
final class ProgramChanges {
    private static final int NONE = -1;

    private final MidiOutConfig config;
    private final List<String> playlist;
    private final MidiConnection connection;
    private final AtomicInteger wanted = new AtomicInteger(NONE);
    private Receiver receiver;
    private int sent = NONE;
    private volatile long count;

    ProgramChanges(MidiOutConfig config, List<String> playlist, MidiPorts ports) {
        this.config = config;
        this.playlist = List.copyOf(playlist);
        this.connection = new MidiConnection("output", config.device(), false, ports, device -> {
            receiver = device.getReceiver();
            sent = NONE; // a device (re)connected: tell it the scene on stage
        });
    }

    /** The program a scene is sent as, or -1 when it has none (not configured, not in the playlist, past 127). */
    int programOf(String scene) {
        Integer configured = config.programs().get(scene);
        if (configured != null) {
            return configured;
        }
        int index = playlist.indexOf(scene);
        return index >= 0 && index < 128 ? index : NONE;
    }

    /** Any thread: remembers the scene's program for the next {@link #flush()}. */
    void sceneChanged(String scene) {
        int program = programOf(scene);
        if (program != NONE) {
            wanted.set(program);
        }
    }

    /** MIDI thread: opens or checks the output, and sends the wanted program if it was not sent. */
    void flush() {
        if (!connection.check()) {
            receiver = null;
            return;
        }
        int program = wanted.get();
        if (program == NONE || program == sent) {
            return;
        }
        try {
            receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, config.channel() - 1, program, 0), -1);
            sent = program;
            count++;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e); // channel and program are checked when read
        } catch (IllegalStateException e) {
            connection.lost(e.getMessage());
            receiver = null;
        }
    }

    /** Program changes sent so far. */
    long sent() {
        return count;
    }

    String connected() {
        return connection.connected();
    }

    void close() {
        connection.close();
    }
}
