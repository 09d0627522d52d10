package org.liquide.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.midi.MidiLearn;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.*;

/** The panel's MIDI learn card in a real headless Chromium: armed from the page, the learnt mapping shown. */
class PanelMidiLearnTest extends PanelInChromium {
    @TempDir
    Path dir;
    private TestServer server;
    private PanelDriver panel;

    @AfterEach
    void noPageErrors() {
        closePanel(panel, server);
    }

    @Test
    void theLearnButtonArmsLearnAndTheBindingShowsWithItsMappingLine() {
        server = new TestServer(dir, false);
        MidiLearn learn = new MidiLearn(binding -> { }, Clock.systemUTC());
        server.show.midiLearn = learn;
        panel = openPanel(server);
        panel.phone().login(server.token);
        Await.until(PanelDriver.WAIT, "the MIDI card shown", () -> panel.visible("#midi-card"));
        panel.awaitText("#midi-state", "Type a target, press Learn, then move a control.");
        panel.evaluate("document.querySelector('#midi-target').value = 'dmx.house'");
        panel.click("#midi-arm");
        panel.awaitText("#midi-state", s -> s.contains("to bind it to dmx.house"), "armed");
        assertInstanceOf(MidiLearn.State.Armed.class, learn.state());
        learn.moved("midi/nano/cc/16");
        panel.awaitText("#midi-bindings", "- {signal: midi/nano/cc/16, target: dmx.house}");
        panel.awaitText("#midi-state", s -> s.startsWith("midi/nano/cc/16 now moves dmx.house"), "learnt");
    }

    @Test
    void withoutMidiControllersTheCardStaysHidden() {
        server = new TestServer(dir, false);
        panel = openPanel(server);
        panel.phone().login(server.token);
        panel.awaitText("#scene-current", "biais");
        assertFalse(panel.visible("#midi-card"));
    }
}
