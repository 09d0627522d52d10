package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.CapturedLog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code liquide run} when a port the show listens on is taken: one line naming the port and the setting that moves it, exit 2. */
class RunPortsTest {
    @TempDir
    Path dir;

    private Path showcase(String extra) throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n");
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, "showcase: essai\noutput: {size: 160x90}\nscenes: scenes\nplaylist: [{scene: atelier, duration: 10m}]\n"
                + "recording: {journal: journal}\n" + extra);
        return file;
    }

    private static List<String> refused(Path showcase, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new java.util.ArrayList<>(List.of("run", showcase.toString(), "--headless", "--ignore-schedule"));
        arguments.addAll(List.of(options));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), arguments.toArray(String[]::new));
        assertEquals(2, code, () -> "bad input; err: " + err);
        assertFalse(err.toString().contains("internal failure") || err.toString().contains("\tat "), err::toString);
        return err.toString().lines().toList();
    }

    @Test
    void theOscPortTaken() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path file = showcase("osc: {host: 127.0.0.1, port: " + port + "}\n");
            assertEquals(List.of("OSC: cannot listen on udp 127.0.0.1:" + port + " (Address already in use): set osc.port in "
                    + file + " to a free port, or stop what uses it"), refused(file, "--no-panel"));
        }
    }

    @Test
    void thePanelPortTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path file = showcase("control: {host: 127.0.0.1, port: " + port + ", token_file: token}\n");
            List<String> lines;
            List<String> javalin;
            try (CapturedLog log = CapturedLog.of("io.javalin")) {
                lines = refused(file);
                javalin = log.events().stream().map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage())
                        .toList();
            }
            assertEquals(1, lines.size(), lines::toString);
            assertEquals(List.of(), javalin, "the one line says it all: nothing before it");
            assertTrue(lines.getFirst().startsWith("control panel: cannot listen on tcp 127.0.0.1:" + port + " ("), lines::toString);
            assertTrue(lines.getFirst().endsWith("): set control.port in " + file + " to a free port, or stop what uses it"), lines::toString);
        }
    }
}
