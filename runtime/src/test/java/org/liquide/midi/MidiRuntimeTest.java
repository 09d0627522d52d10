package org.liquide.midi;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.CapturedLog;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * MIDI through the JDK's javax.sound.midi: real ShortMessages from a real transmitter (the JDK's own sequencer, and a
 * virtual port) into the controllers' receivers, program changes into an output's receiver, and devices plugged and
 * unplugged in the device list the runtime polls.
 */
class MidiRuntimeTest {
    private static final Duration POLL = Duration.ofMillis(20);
    private CapturedLog log;
    private final SignalBus bus = new SignalBus();
    private final TestPorts ports = new TestPorts();

    @BeforeEach
    void captureLog() {
        log = CapturedLog.of(MidiConnection.class).at(Level.INFO); // the show's level: the tests' configuration says WARN
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private double value(String signal) {
        SignalSample sample = new SignalSample();
        return bus.signal(signal).read(sample) ? sample.value(0) : Double.NaN;
    }

    private void awaitValue(String signal, double expected) {
        Await.until(Await.GENEROUS, () -> signal + " = " + expected + ", is " + value(signal),
                () -> Math.abs(value(signal) - expected) < 1e-9);
    }

    private static MidiConfig controller(String name, String device, int channel) {
        return new MidiConfig(List.of(new MidiController(name, device, channel)), Optional.empty());
    }

    @Test
    void theJdkSequencerPlayingIntoAControllerMakesSignals() throws Exception {
        Sequencer sequencer = MidiSystem.getSequencer(false); // not tied to the synthesizer: a pure transmitter
        ports.plug(sequencer);
        try (MidiRuntime midi = new MidiRuntime(controller("sequence", "real time SEQ", 0), List.of(), bus, ports, POLL,
                binding -> { }).start()) {
            Await.until(Await.GENEROUS, "the sequencer opened as the controller", () -> !midi.controllers().get("sequence").isEmpty());
            assertEquals("Real Time Sequencer", midi.controllers().get("sequence"));
            Sequence sequence = new Sequence(Sequence.PPQ, 480);
            Track track = sequence.createTrack();
            track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 14, 127), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), 1));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 5, 0), 2));
            // the end of the track far off: at its end the sequencer releases the notes still held
            track.add(new MidiEvent(new MetaMessage(0x2F, new byte[0], 0), 480L * 1000));
            sequencer.setSequence(sequence);
            sequencer.start();
            awaitValue("midi/sequence/cc/14", 1.0);
            awaitValue("midi/sequence/note/60", 100 / 127.0);
            awaitValue("midi/sequence/program", 5);
            sequencer.stop();
        }
    }

    @Test
    void notesControlsProgramsAndPitchOfTheControllersChannelBecomeSignals() throws Exception {
        VirtualPort nano = new VirtualPort("nanoKONTROL2", "KORG nanoKONTROL2 MIDI 1");
        ports.plug(new VirtualPort("Midi Through", "Midi Through Port-0"));
        ports.plug(nano);
        try (MidiRuntime midi = new MidiRuntime(controller("nano", "nanokontrol", 2), List.of(), bus, ports, POLL,
                binding -> { }).start()) {
            Await.until(Await.GENEROUS, "the nanoKONTROL opened", () -> !midi.controllers().get("nano").isEmpty());
            nano.play(ShortMessage.CONTROL_CHANGE, 1, 14, 64);
            awaitValue("midi/nano/cc/14", 64 / 127.0);
            nano.play(ShortMessage.CONTROL_CHANGE, 0, 14, 127); // channel 1: not this controller's
            nano.play(ShortMessage.NOTE_ON, 0, 40, 127); // nor this
            nano.play(ShortMessage.NOTE_ON, 1, 41, 127);
            awaitValue("midi/nano/note/41", 1.0);
            assertEquals(64 / 127.0, value("midi/nano/cc/14"), 1e-9, "the control change of channel 1 was left out");
            assertTrue(Double.isNaN(value("midi/nano/note/40")), "the note of channel 1 was left out");
            nano.play(ShortMessage.NOTE_ON, 1, 41, 0);
            awaitValue("midi/nano/note/41", 0);
            nano.play(ShortMessage.NOTE_ON, 1, 42, 90);
            nano.play(ShortMessage.NOTE_OFF, 1, 42, 64);
            awaitValue("midi/nano/note/42", 0);
            nano.play(ShortMessage.PROGRAM_CHANGE, 1, 12, 0);
            awaitValue("midi/nano/program", 12);
            nano.play(ShortMessage.PITCH_BEND, 1, 0, 0);
            awaitValue("midi/nano/pitch", -1);
            nano.play(ShortMessage.PITCH_BEND, 1, 0x7f, 0x7f);
            awaitValue("midi/nano/pitch", 1);

            // A fader holds its place: its value is published again while the controller is there.
            Signal fader = bus.signal("midi/nano/cc/14");
            long messages = fader.messages();
            Await.until(Await.GENEROUS, "the fader's value repeated", () -> fader.messages() >= messages + 2);
        }
    }

    @Test
    void aControllerAbsentThenUnpluggedIsLoggedOnceEachTimeAndFoundAgain() throws Exception {
        VirtualPort nano = new VirtualPort("nanoKONTROL2", "KORG nanoKONTROL2 MIDI 1");
        try (MidiRuntime midi = new MidiRuntime(controller("nano", "nanoKONTROL", 0), List.of(), bus, ports, POLL,
                binding -> { }).start()) {
            Await.until(Await.GENEROUS, "the absence logged", () -> warnings().size() == 1);
            ports.plug(nano);
            Await.until(Await.GENEROUS, "found once plugged", () -> !midi.controllers().get("nano").isEmpty());
            nano.play(ShortMessage.CONTROL_CHANGE, 0, 1, 127);
            awaitValue("midi/nano/cc/1", 1.0);
            ports.unplug(nano);
            Await.until(Await.GENEROUS, "lost once unplugged", () -> midi.controllers().get("nano").isEmpty());
            assertFalse(nano.isOpen(), "the device is closed");
            ports.plug(nano);
            Await.until(Await.GENEROUS, "found again", () -> !midi.controllers().get("nano").isEmpty());
            nano.play(ShortMessage.CONTROL_CHANGE, 0, 1, 0);
            awaitValue("midi/nano/cc/1", 0);
        }
        List<String> warnings = warnings();
        assertEquals(2, warnings.size(), "one line for the absence, one for the loss, however many polls: " + warnings);
        assertTrue(warnings.get(0).contains("controller 'nano': no input device whose name holds 'nanokontrol'"), warnings.get(0));
        assertTrue(warnings.get(1).contains("controller 'nano' lost (nanoKONTROL2)"), warnings.get(1));
        assertEquals(2, log.messages().stream().filter(message -> message.contains("connected: nanoKONTROL2")).count());
    }

    private List<String> warnings() {
        return log.messages(Level.WARN);
    }

    @Test
    void sceneChangesGoOutAsProgramChangesAndTheSceneOnStageIsSentToAnOutputThatComesBack() throws Exception {
        VirtualPort live = new VirtualPort("IAC Driver Liquide", "to Ableton Live");
        MidiConfig config = new MidiConfig(List.of(), Optional.of(new MidiOutConfig("ableton", 3, Map.of("finale", 42))));
        try (MidiRuntime midi = new MidiRuntime(config, List.of("ouverture", "hybridation", "finale"), bus, ports, POLL,
                binding -> { }).start()) {
            midi.sceneChanged("hybridation"); // the output is not there yet
            ports.plug(live);
            Await.until(Await.GENEROUS, "the scene on stage sent once the output is there", () -> live.received().size() == 1);
            assertProgram(live.received().get(0), 2, 1);
            midi.sceneChanged("finale");
            Await.until(Await.GENEROUS, "the configured program sent", () -> live.received().size() == 2);
            assertProgram(live.received().get(1), 2, 42);
            midi.sceneChanged("hors-playlist"); // no program: nothing sent
            midi.sceneChanged("ouverture");
            Await.until(Await.GENEROUS, "the first scene as program 0", () -> live.received().size() == 3);
            assertProgram(live.received().get(2), 2, 0);
            ports.unplug(live);
            Await.until(Await.GENEROUS, "the output lost", () -> midi.output().orElseThrow().isEmpty());
            ports.plug(live);
            Await.until(Await.GENEROUS, "the scene on stage sent again on return", () -> live.received().size() == 4);
            assertProgram(live.received().get(3), 2, 0);
            assertEquals(4, midi.programChangesSent());
        }
    }

    private static void assertProgram(javax.sound.midi.MidiMessage message, int channel, int program) {
        ShortMessage m = assertInstanceOf(ShortMessage.class, message);
        assertEquals(ShortMessage.PROGRAM_CHANGE, m.getCommand());
        assertEquals(channel, m.getChannel(), "MIDI channel " + (channel + 1));
        assertEquals(program, m.getData1());
    }

    @Test
    void learnBindsTheNextMovedControlToTheArmedTarget() throws Exception {
        VirtualPort nano = new VirtualPort("nanoKONTROL2", "KORG nanoKONTROL2 MIDI 1");
        ports.plug(nano);
        List<MidiLearn.Binding> learnt = new CopyOnWriteArrayList<>();
        try (MidiRuntime midi = new MidiRuntime(controller("nano", "nanoKONTROL", 0), List.of(), bus, ports, POLL, learnt::add).start()) {
            Await.until(Await.GENEROUS, "the nanoKONTROL opened", () -> !midi.controllers().get("nano").isEmpty());
            nano.play(ShortMessage.CONTROL_CHANGE, 0, 2, 10); // before arming: nothing learnt
            awaitValue("midi/nano/cc/2", 10 / 127.0);
            assertInstanceOf(MidiLearn.State.Idle.class, midi.learn().state());
            assertInstanceOf(MidiLearn.State.Armed.class, midi.learn().arm("layer.fond.opacity"));
            nano.play(ShortMessage.NOTE_ON, 0, 43, 0); // a release is not a move
            nano.play(ShortMessage.CONTROL_CHANGE, 0, 16, 80);
            Await.until(Await.GENEROUS, "a binding learnt", () -> !learnt.isEmpty());
            MidiLearn.Binding binding = learnt.getFirst();
            assertEquals("midi/nano/cc/16", binding.signal());
            assertEquals("layer.fond.opacity", binding.target());
            assertEquals("- {signal: midi/nano/cc/16, target: layer.fond.opacity}", binding.mapping());
            assertEquals(new MidiLearn.State.Learned(binding), midi.learn().state());
            nano.play(ShortMessage.CONTROL_CHANGE, 0, 17, 80);
            awaitValue("midi/nano/cc/17", 80 / 127.0);
            assertEquals(1, learnt.size(), "learn binds one control, then waits to be armed again");
            assertEquals(List.of(binding), midi.learn().bindings());
        }
    }
}
