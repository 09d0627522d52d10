package org.liquide.control;

import org.liquide.log.LogTail;
import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.transport.OSCPortOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liquide.net.AddressRange;
import org.liquide.net.Senders;
import org.liquide.signal.SignalBus;
import org.liquide.signal.source.OscSignalSource;
import org.liquide.hardware.testing.Await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** OSC commands, sent over UDP to a real {@link OscSignalSource}, reach {@link org.liquide.show.api.ShowControl}. */
class OscCommandsTest {
    private final FakeShow show = new FakeShow();
    private OscSignalSource source;
    private OSCPortOut out;
    private LogTail tail;

    @BeforeEach
    void start() throws Exception {
        tail = LogTail.install(500);
        source = new OscSignalSource(new SignalBus(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
        source.onCommand(new OscCommands(show));
        out = new OSCPortOut(source.localAddress());
    }

    @AfterEach
    void stop() throws Exception {
        out.close();
        source.close();
        tail.uninstall();
    }

    private void send(String address, Object... arguments) throws Exception {
        out.send(new OSCMessage(address, List.of(arguments)));
    }

    /** Sends a command known to act, and waits for it: everything sent before it has been handled. */
    private void sync() throws Exception {
        send("/liquide/reload");
        show.awaitCall("reload()");
    }

    @Test
    void commandsMapOntoTheShow() throws Exception {
        send("/liquide/scene", "marée");
        send("/liquide/next");
        send("/liquide/blackout", 1);
        send("/liquide/blackout", 0.0f);
        send("/liquide/blackout", true);
        send("/liquide/sleep");
        send("/liquide/wake");
        send("/liquide/snapshot");
        sync();
        assertEquals(List.of("switchScene(marée)", "next()", "blackout(true)", "blackout(false)", "blackout(true)",
                "sleep()", "wake()", "snapshot()", "reload()"), show.calls());
    }

    @Test
    void aButtonActsOnPressNotOnRelease() throws Exception {
        send("/liquide/next", 1.0f);
        send("/liquide/next", 0.0f);
        send("/liquide/next", 1);
        send("/liquide/next", 0);
        sync();
        assertEquals(List.of("next()", "next()", "reload()"), show.calls());
    }

    @Test
    void badArgumentsAreIgnoredAndLoggedOncePerAddress() throws Exception {
        send("/liquide/blackout");
        send("/liquide/blackout", 0.5f);
        send("/liquide/blackout", "on");
        send("/liquide/scene");
        send("/liquide/scene", 3);
        send("/liquide/scene", "nope");
        send("/liquide/next", "now");
        send("/liquide/launch", 1);
        send("/liquide/launch", 2);
        sync();
        assertEquals(List.of("switchScene(nope)", "reload()"), show.calls(), "only well-formed calls reach the show");
        Await.until(Await.GENEROUS, "the warnings", () -> warnings().size() >= 4);
        List<String> warnings = warnings();
        assertEquals(1, warnings.stream().filter(w -> w.startsWith("OSC /liquide/blackout ")).count(), warnings.toString());
        assertEquals(1, warnings.stream().filter(w -> w.startsWith("OSC /liquide/scene ")).count(), warnings.toString());
        assertEquals(1, warnings.stream().filter(w -> w.startsWith("OSC /liquide/next ")).count(), warnings.toString());
        assertEquals(1, warnings.stream().filter(w -> w.contains("/liquide/launch")).count(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("takes one argument, 0 or 1; got nothing")), warnings.toString());
    }

    @Test
    void recordStartsWithOneAndStopsWithZero() throws Exception {
        send("/liquide/record", 1);
        send("/liquide/record", 1.0f); // already recording: logged, ignored
        send("/liquide/record", false);
        send("/liquide/record", 0); // not recording: logged, ignored
        send("/liquide/record", true);
        send("/liquide/record");
        send("/liquide/record", 0.5f);
        send("/liquide/record", "on");
        sync();
        assertEquals(List.of("startRecording()", "startRecording()", "stopRecording()", "stopRecording()", "startRecording()",
                "reload()"), show.calls(), "well-formed calls reach the show; the rest do not");
        Await.until(Await.GENEROUS, "the warning", () -> !warnings().isEmpty());
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith("OSC /liquide/record 1: already recording"), warnings.toString());
    }

    @Test
    void theSourceKeepsWorkingAfterAFailingCommand() throws Exception {
        OscCommands commands = new OscCommands(new FakeShow() {
            @Override
            public void sleep() {
                throw new IllegalStateException("the show is shutting down");
            }
        });
        commands.accept("/liquide/sleep", List.of());
        commands.accept("/liquide/wake", null);
        assertEquals(1, warnings().stream().filter(w -> w.contains("the show is shutting down")).count());
    }

    private List<String> warnings() {
        return tail.last(tail.capacity()).stream()
                .filter(l -> l.level().equals("WARN") && l.logger().equals("OscCommands"))
                .map(LogTail.Line::message)
                .toList();
    }

    @Test
    void aCommandFromASenderNotAllowedChangesNothingAndIsCounted() throws Exception {
        SignalBus bus = new SignalBus();
        Senders onlyThisAddress = new Senders(List.of(AddressRange.parse("127.0.0.1").orElseThrow()));
        Senders wider = new Senders(List.of(AddressRange.parse("127.0.0.0/8").orElseThrow()));
        try (OscSignalSource guarded = new OscSignalSource(bus, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                wider, onlyThisAddress).start();
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0));
             DatagramSocket regie = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            FakeShow guardedShow = new FakeShow();
            guarded.onCommand(new OscCommands(guardedShow));
            send(stranger, guarded, "/liquide/blackout", 1);
            send(stranger, guarded, "/liquide/scene", "marée");
            send(stranger, guarded, "/liquide/signal/td/fader1", 0.5f);
            send(regie, guarded, "/liquide/reload");
            guardedShow.awaitCall("reload()");
            Await.until(Await.GENEROUS, "the stranger's signal, which is allowed",
                    () -> bus.signals().stream().anyMatch(s -> s.name().equals("td/fader1")));
            assertEquals(List.of("reload()"), guardedShow.calls(), "only the allowed sender's command acts");
            assertEquals(2, bus.sources().getFirst().dropped("command-sender-refused"));
            long warnings = tail.last(500).stream().filter(l -> l.message().contains("127.0.0.2 refused")).count();
            assertEquals(1, warnings, "logged once per sender");
        }
    }

    private static void send(DatagramSocket from, OscSignalSource to, String address, Object... arguments) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buffer))
                .write(new OSCMessage(address, List.of(arguments)));
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        from.send(new DatagramPacket(bytes, bytes.length, to.localAddress()));
    }
}
