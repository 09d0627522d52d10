package org.liquide.sound.input;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.sound.AudioInputSpec;
import org.liquide.testing.Tones;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An input from the network: a stream served over HTTP (as an Icecast server or the régie's encoder would) is
 * heard at its level and pace; a stream that goes away is an outage, and the input comes back with it.
 */
class NetworkStreamInputTest {
    private static final int RATE = 48_000;
    private static final double SINE_DB = 20 * Math.log10(0.5 / Math.sqrt(2));

    @TempDir
    Path dir;

    @Test
    void aStreamIsHeardAtItsLevelAndItsLossIsAnOutageItComesBackFrom() throws Exception {
        byte[] wav = Files.readAllBytes(Tones.writeWav(dir.resolve("tone.wav"), Tones.sine(500, 0.5, 2, RATE), RATE));
        HttpServer server = serve(0, wav);
        int port = server.getAddress().getPort();
        SignalBus bus = new SignalBus();
        URI uri = URI.create("http://127.0.0.1:" + port + "/regie.wav");
        try (AudioInput input = new AudioInput(new AudioInputSpec("regie", new AudioInputSpec.Stream(uri)), bus).start()) {
            Await.until(Await.GENEROUS, () -> "a 500 Hz tone at " + SINE_DB + " dBFS from the stream; " + input.state() + " " + input.problem(),
                    () -> Math.abs(value(bus, "audio/regie/level") - SINE_DB) < 1.5 && Math.abs(value(bus, "audio/regie/centroid") - 500) < 60);
            long hops = input.hops();
            long started = System.nanoTime();
            Await.until(Await.GENEROUS, "a second of the stream analysed", () -> input.hops() >= hops + 94);
            assertTrue(System.nanoTime() - started > 700_000_000L,
                    "a stream served faster than it plays is heard at its pace, not all at once");

            server.stop(0);
            Await.until(Await.GENEROUS, () -> "the stream is lost once it ends and cannot be opened: " + input.state(),
                    () -> input.state() == AudioInput.State.LOST);
            assertTrue(input.outages() >= 1);
            long outages = input.outages();
            HttpServer again = serve(port, wav);
            try {
                long before = input.hops();
                Await.until(Await.GENEROUS, () -> "heard again when the stream is back: " + input.state() + " " + input.problem(),
                        () -> input.state() == AudioInput.State.LISTENING && input.hops() > before + 20);
                assertEquals(SINE_DB, value(bus, "audio/regie/level"), 1.5);
                assertTrue(input.outages() >= outages);
            } finally {
                again.stop(0);
            }
        }
    }

    private static HttpServer serve(int port, byte[] body) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/regie.wav", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static double value(SignalBus bus, String name) {
        SignalSample sample = new SignalSample();
        Signal signal = bus.signal(name);
        return signal.read(sample) && sample.channels() > 0 ? sample.value(0) : Double.NaN;
    }
}
