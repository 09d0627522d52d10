package org.liquide.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test sound server ({@link PulseServer}) when the test JVM starts, before any test touches
 * Java's sound. ALSA reads its configuration once per process, and its PulseAudio hook makes
 * {@code default} the PulseAudio device only if a server is running at that moment: a test that opened
 * or listed a sound device first (the demo, a missing device) would leave every later sound test of the
 * JVM without one. Where the server cannot start, the tests that need it say why when they ask for it.
 */
public final class SoundServerSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getenv("PULSE_SERVER") == null) {
            return;
        }
        try {
            PulseServer.shared();
        } catch (AssertionError | RuntimeException e) {
            System.err.println("the test sound server did not start: " + e.getMessage());
        }
    }
}
