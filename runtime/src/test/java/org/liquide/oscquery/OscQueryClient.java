package org.liquide.oscquery;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializerAndParserBuilder;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An OSCQuery client as the proposal describes one, with the JDK's HTTP client and WebSocket: GETs the JSON,
 * LISTENs and IGNOREs, and decodes the binary OSC packets it receives with JavaOSC's parser.
 */
final class OscQueryClient implements AutoCloseable {
    static final Duration WITHIN = org.liquide.hardware.testing.Await.GENEROUS;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    final BlockingQueue<OSCMessage> packets = new LinkedBlockingQueue<>();
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    OscQueryClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the WebSocket on the HTTP port; fails (ExecutionException) when the server refuses the upgrade. */
    OscQueryClient connect() throws Exception {
        URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/");
        socket = http.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                binary.writeBytes(bytes);
                if (last) {
                    try {
                        OSCPacket packet = new OSCSerializerAndParserBuilder().buildParser().convert(ByteBuffer.wrap(binary.toByteArray()));
                        packets.add((OSCMessage) packet);
                    } catch (Exception e) {
                        throw new IllegalStateException("not an OSC message", e);
                    }
                    binary.reset();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    texts.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        return this;
    }

    void command(String command, String path) throws Exception {
        socket.sendText("{\"COMMAND\":\"" + command + "\",\"DATA\":\"" + path + "\"}", true).get(30, TimeUnit.SECONDS);
    }

    /** The next OSC message received, within the generous deadline. */
    OSCMessage next() throws InterruptedException {
        OSCMessage message = packets.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no OSC packet within " + WITHIN);
        }
        return message;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
