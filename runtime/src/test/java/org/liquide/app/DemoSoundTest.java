package org.liquide.app;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;
import org.liquide.render.OutputSettings;
import org.liquide.show.ShowRuntime;
import org.liquide.show.status.SignalStatus;
import org.liquide.testing.PulseServer;
import org.liquide.testing.Tones;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo sounds and listens, on the private sound server: its soundtrack is recorded from the output's
 * monitor, and a tone played into the room (the default input) brightens its tide.
 */
class DemoSoundTest {
    private static final int RATE = 48_000;
    private static final String LEVEL = "audio/room/level";
    private static final String TARGET = "generator.latent.6";

    private static Optional<SignalStatus> level(ShowRuntime runtime) {
        return runtime.status().signals().stream().filter(s -> s.name().equals(LEVEL) && s.target().equals(TARGET)).findFirst();
    }

    /** The loudest 0.1 s window of the recording's last second. */
    private static double loudest(PulseServer.Recording recording) {
        float[] heard = recording.samples();
        double loudest = 0;
        for (int at = Math.max(0, heard.length - RATE); at + RATE / 10 <= heard.length; at += RATE / 10) {
            loudest = Math.max(loudest, Tones.rms(heard, at, at + RATE / 10));
        }
        return loudest;
    }

    @Test
    void theDemoIsHeardAndItsPictureAnswersTheRoom() throws Exception {
        PulseServer server = PulseServer.shared();
        try (PulseServer.Recording recording = server.recordOutput(RATE);
             DemoShow demo = DemoShow.start(new DemoShow.Options(Optional.of("test"), "procedural",
                     OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(15)))) {
            ShowRuntime runtime = demo.runtime();
            Await.until(Await.GENEROUS, () -> "the demo's soundtrack on the output: " + recording.seconds() + " s recorded, loudest "
                            + loudest(recording),
                    () -> recording.seconds() > 1 && loudest(recording) > 0.005);

            Await.until(Await.GENEROUS, () -> "the quiet room heard, the tide's light at rest; " + level(runtime),
                    () -> level(runtime).filter(s -> !s.stale() && s.mapped() < 0.2).isPresent());
            try (PulseServer.RoomSound tone = server.playInRoom(Tones.sine(500, 0.5, 1, RATE), RATE)) {
                Await.until(Await.GENEROUS, () -> "a tone in the room brightening the tide; " + level(runtime),
                        () -> level(runtime).filter(s -> s.mapped() > 0.8).isPresent());
            }
            assertTrue(runtime.loop().failure() == null, "the show renders on");
        }
    }
}
