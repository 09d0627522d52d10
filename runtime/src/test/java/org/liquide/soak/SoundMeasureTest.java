package org.liquide.soak;

import org.junit.jupiter.api.Test;
import org.liquide.sound.AudioOutputSpec;
import org.liquide.sound.output.AudioOutput;
import org.liquide.testing.PulseServer;
import org.liquide.hardware.testing.Await;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endurance run's judgement of the audio thread: no underrun, no allocation per block. */
class SoundMeasureTest {
    private static SoakVerdict verdict(SoundMeasure sound) {
        return SoakVerdict.of(new SoakRun.Result(List.of(), List.of(), 0, List.of(), null, Optional.of(sound)), 0);
    }

    private static boolean says(SoakVerdict verdict, String text) {
        return verdict.failures().stream().anyMatch(f -> f.contains(text));
    }

    @Test
    void anUnderrunOrAnAllocationPerBlockFailsTheRun() {
        assertTrue(says(verdict(new SoundMeasure(true, "", 18_000, 1, 0)), "ran dry 1 times in 18000 blocks"));
        assertTrue(says(verdict(new SoundMeasure(true, "", 18_000, 0, 18_000 * 16L)), "allocated 288000 B in 18000 blocks"),
                "a 16-byte object a block");
        assertFalse(says(verdict(new SoundMeasure(true, "", 18_000, 0, 72)), "audio thread"), "a one-off of the JVM is not per block");
        assertFalse(says(verdict(new SoundMeasure(false, "no sound device", 0, 0, 0)), "sound"),
                "no device: not measured, said in the report, not a failure");
        assertEquals("not measured: the output had no device (no sound device)", new SoundMeasure(false, "no sound device", 0, 0, 0).summary());
    }

    @Test
    void theOutputPlayingIntoASinkIsMeasuredFromTheEndOfTheWarmUp() {
        PulseServer.shared();
        try (AudioOutput output = new AudioOutput(AudioOutputSpec.DEFAULT).start()) {
            Await.until(Await.GENEROUS, "the output playing", () -> output.state() == AudioOutput.State.PLAYING && output.blocks() > 100);
            SoundMeasure.Start start = SoundMeasure.start(output);
            long from = output.blocks();
            Await.until(Await.GENEROUS, "200 blocks more", () -> output.blocks() > from + 200);
            SoundMeasure measure = SoundMeasure.since(start, output);
            assertTrue(measure.playing());
            assertTrue(measure.blocks() >= 200 && measure.blocks() < output.blocks(), "counted from the start: " + measure);
            assertTrue(measure.summary().contains(measure.blocks() + " blocks of 10 ms"), measure.summary());
        }
    }
}
