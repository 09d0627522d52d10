package org.liquide.sound.device;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The system's sound devices as Java's sound sees them (on Linux, ALSA: {@code default} reaches
 * PulseAudio or PipeWire, the others are the cards themselves). A device is named {@code default} or
 * by a part of its name.
 */
public final class AudioDevices {
    private AudioDevices() {
    }

    /** Opens a line of {@code type} (a {@code TargetDataLine} to listen, a {@code SourceDataLine} to play). */
    public static <T extends Line> T line(Class<T> type, String device, AudioFormat format) throws IOException {
        DataLine.Info info = new DataLine.Info(type, format);
        try {
            if (device.equals("default")) {
                return type.cast(AudioSystem.getLine(info));
            }
            String wanted = device.toLowerCase(Locale.ROOT);
            for (Mixer.Info mixer : AudioSystem.getMixerInfo()) {
                if (mixer.getName().toLowerCase(Locale.ROOT).contains(wanted) && AudioSystem.getMixer(mixer).isLineSupported(info)) {
                    return type.cast(AudioSystem.getMixer(mixer).getLine(info));
                }
            }
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("sound device '" + device + "' cannot open " + format + ": " + e.getMessage(), e);
        }
        throw new IOException("no sound device matching '" + device + "' (devices: " + String.join(", ", names(info)) + ")");
    }

    private static List<String> names(DataLine.Info info) {
        List<String> names = new ArrayList<>();
        for (Mixer.Info mixer : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(mixer).isLineSupported(info)) {
                names.add(mixer.getName());
            }
        }
        return names;
    }
}
