package org.liquide.midi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiUnavailableException;
import java.util.Locale;
import java.util.Optional;

/**
 * One device the showcase names by a part of its name, kept open while it is there: {@link #check()} (on the MIDI
 * thread, every poll) opens the first matching device when none is open, and closes the open one when it is no longer
 * listed (unplugged). Like a camera: one line when it is missing, one when it is found, one when it is lost; the show
 * goes on meanwhile.
 */
final class MidiConnection {
    private static final Logger LOG = LoggerFactory.getLogger(MidiConnection.class);

    /** What is done with a device once open (connect a transmitter, take a receiver); may throw to refuse it. */
    interface Opener {
        void opened(MidiDevice device) throws MidiUnavailableException;
    }

    private final String what;
    private final String pattern;
    private final boolean input;
    private final MidiPorts ports;
    private final Opener opener;
    private MidiDevice open;
    private boolean missingLogged;
    private volatile String connected = "";

    /**
     * @param what  how log lines name it ({@code controller 'nano'}, {@code output})
     * @param input true for a device that sends to us (a transmitter), false for one we send to (a receiver)
     */
    MidiConnection(String what, String pattern, boolean input, MidiPorts ports, Opener opener) {
        this.what = what;
        this.pattern = pattern.toLowerCase(Locale.ROOT);
        this.input = input;
        this.ports = ports;
        this.opener = opener;
    }

    /** Opens or drops the device as the list says; true when it is open afterwards. Never throws. */
    boolean check() {
        try {
            var listed = ports.devices();
            if (open != null) {
                if (listed.contains(open.getDeviceInfo())) {
                    return true;
                }
                LOG.warn("MIDI: {} lost ({}); the show goes on, looking for it again", what, open.getDeviceInfo().getName());
                close();
                missingLogged = true;
            }
            for (MidiDevice.Info info : listed) {
                if (!matches(info)) {
                    continue;
                }
                MidiDevice device = ports.device(info);
                if (input ? device.getMaxTransmitters() == 0 : device.getMaxReceivers() == 0) {
                    continue;
                }
                device.open();
                try {
                    opener.opened(device);
                } catch (MidiUnavailableException | RuntimeException e) {
                    device.close();
                    throw e;
                }
                open = device;
                missingLogged = false;
                connected = info.getName();
                LOG.info("MIDI: {} connected: {} ({})", what, info.getName(), info.getDescription());
                return true;
            }
            if (!missingLogged) {
                LOG.warn("MIDI: {}: no {} device whose name holds '{}'; the show goes on, looking for it", what,
                        input ? "input" : "output", pattern);
                missingLogged = true;
            }
        } catch (MidiUnavailableException | RuntimeException e) {
            if (!missingLogged) {
                LOG.warn("MIDI: {} cannot be opened ({}); the show goes on, trying again", what, e.getMessage());
                missingLogged = true;
            }
        }
        return false;
    }

    private boolean matches(MidiDevice.Info info) {
        return info.getName().toLowerCase(Locale.ROOT).contains(pattern)
                || info.getDescription().toLowerCase(Locale.ROOT).contains(pattern);
    }

    /** The open device's name, or "" when none is open (any thread). */
    String connected() {
        return connected;
    }

    /** Drops the device after a failure found while using it: looked for again at the next check. */
    void lost(String why) {
        if (open != null) {
            LOG.warn("MIDI: {} lost ({}: {}); the show goes on, looking for it again", what, open.getDeviceInfo().getName(), why);
            close();
            missingLogged = true;
        }
    }

    void close() {
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException e) {
                LOG.debug("closing {}", what, e);
            }
            open = null;
            connected = "";
        }
    }
}
