package org.liquide.show;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.show.status.SoundStatus;
import org.liquide.signal.SignalBus;
import org.liquide.sound.AudioConfig;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.input.AudioInputs;
import org.liquide.sound.output.AudioOutput;
import org.liquide.testing.Tones;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status reports each audio input's device, level and outages, and the output's device, gain, underruns and mute. */
class SoundReportTest {
    private static final double SINE_DB = 20 * Math.log10(0.5 / Math.sqrt(2));

    @TempDir
    Path dir;

    @Test
    void inputsAndOutputAsThePanelShowsThem() throws Exception {
        Path hum = Tones.writeWav(dir.resolve("hum.wav"), Tones.sine(250, 0.5, 0.5, 48_000), 48_000);
        AudioConfig config = new AudioConfig(List.of(new AudioInputSpec("repetition", new AudioInputSpec.File(hum)),
                new AudioInputSpec("micro", new AudioInputSpec.Device("no-such-card"))), Optional.empty());
        try (AudioInputs inputs = AudioInputs.start(config, new SignalBus());
             AudioOutput output = new AudioOutput(new AudioOutputSpec("no-such-card", -6, -3)).start()) {
            Await.until(Await.GENEROUS, () -> "the file heard at its level, the device lost; " + SoundReport.of(inputs, output),
                    () -> {
                        SoundStatus status = SoundReport.of(inputs, output);
                        return Math.abs(status.inputs().get(0).levelDb() - SINE_DB) < 1 && status.inputs().get(1).state().equals("lost")
                                && status.output().orElseThrow().state().equals("lost");
                    });
            SoundStatus status = SoundReport.of(inputs, output);
            SoundStatus.Input file = status.inputs().get(0);
            assertEquals("repetition", file.name());
            assertEquals("file hum.wav", file.device());
            assertEquals("online", file.state());
            assertTrue(file.peakDb() > file.levelDb(), "the peak is above the level: " + file);
            SoundStatus.Input micro = status.inputs().get(1);
            assertEquals(1, micro.outages());
            assertTrue(micro.problem().contains("no sound device matching 'no-such-card'"), micro.problem());
            SoundStatus.Output out = status.output().orElseThrow();
            assertEquals("no-such-card", out.device());
            assertEquals(-6, out.gainDb());
            assertEquals(-3, out.limitDb());
            assertEquals(1, out.outages());
            assertEquals("", out.mutedBy());
            output.asleep(true);
            assertEquals("sleep", SoundReport.of(inputs, output).output().orElseThrow().mutedBy());
            output.blackout(true);
            assertEquals("blackout", SoundReport.of(inputs, output).output().orElseThrow().mutedBy());
        }
    }

    @Test
    void aShowWithoutSoundReportsNone() {
        try (AudioInputs inputs = AudioInputs.start(AudioConfig.NONE, new SignalBus())) {
            SoundStatus status = SoundReport.of(inputs, null);
            assertEquals(List.of(), status.inputs());
            assertTrue(status.output().isEmpty());
        }
    }
}
