package org.liquide.oscquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.liquide.log.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket side of OSCQuery: clients send {@code {"COMMAND": "LISTEN", "DATA": "/path"}} (and IGNORE), and
 * receive each new value of what they listen to as a binary OSC message, plus {@code PATH_CHANGED} (text) when the
 * address space changes (a scene added, a mapping edited).
 *
 * <p>One thread ({@code liquide-oscquery-stream}) compares the values every {@value #TICK_MILLIS} ms with what each
 * client last received and sends what changed, without waiting: a client with {@value #MAX_PENDING} sends in
 * flight is skipped for that round, and gets the latest value when it has caught up (latest wins, nothing queues).
 * Bounded: {@value #MAX_CLIENTS} clients, {@value #MAX_LISTENS} paths each.
 */
final class ValueStream implements AutoCloseable {
    static final int MAX_CLIENTS = 16;
    static final int MAX_LISTENS = 256;
    static final int MAX_PENDING = 64;
    static final int MAX_PACKET = 4096;
    static final long TICK_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ValueStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamespaceCache namespace;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("liquide-oscquery-stream").daemon().factory());
    private final RateLimitedLog refused = RateLimitedLog.of(LOG);
    private String shape;

    ValueStream(NamespaceCache namespace) {
        this.namespace = namespace;
    }

    ValueStream start() {
        thread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    void connect(WsContext ctx) {
        synchronized (clients) {
            if (clients.size() >= MAX_CLIENTS) {
                refused.warn("oscquery: a WebSocket client refused: {} already connected", MAX_CLIENTS);
                ctx.closeSession(WsCloseStatus.TRY_AGAIN_LATER, "too many clients");
                return;
            }
            clients.put(ctx.sessionId(), new Client(ctx));
        }
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
    }

    void disconnect(WsContext ctx) {
        clients.remove(ctx.sessionId());
    }

    /** A text message: LISTEN or IGNORE a path; anything else is logged (rate-limited) and ignored. */
    void command(WsContext ctx, String text) {
        Client client = clients.get(ctx.sessionId());
        if (client == null) {
            return;
        }
        Optional<String[]> parsed = parse(text);
        if (parsed.isEmpty()) {
            refused.warn("oscquery: a WebSocket message that is not a LISTEN or IGNORE command, ignored");
            return;
        }
        String command = parsed.get()[0];
        String path = parsed.get()[1];
        synchronized (client) {
            if (command.equals("IGNORE")) {
                client.listened.remove(path);
                client.lastSent.remove(path);
            } else if (namespace.current().find(path).filter(OscNode::readable).isEmpty()) {
                refused.warn("oscquery: LISTEN {} refused: no readable method there", shorten(path));
            } else if (client.listened.size() >= MAX_LISTENS) {
                refused.warn("oscquery: LISTEN {} refused: a client listens to at most {} paths", shorten(path), MAX_LISTENS);
            } else {
                client.listened.add(path);
            }
        }
    }

    private static Optional<String[]> parse(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            String command = json.path("COMMAND").asText("");
            String data = json.path("DATA").asText("");
            if ((command.equals("LISTEN") || command.equals("IGNORE")) && data.startsWith("/")
                    && data.length() <= OscNamespace.MAX_PATH_LENGTH) {
                return Optional.of(new String[]{command, data});
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("oscquery: unreadable WebSocket message", e);
        }
        return Optional.empty();
    }

    int clients() {
        return clients.size();
    }

    private void tick() {
        try {
            if (clients.isEmpty()) {
                return;
            }
            OscNamespace current = namespace.current();
            boolean changed = shape != null && !shape.equals(current.shape());
            shape = current.shape();
            for (Client client : clients.values()) {
                if (changed) {
                    client.ctx.session.getRemote().sendString("{\"COMMAND\":\"PATH_CHANGED\",\"DATA\":\"/\"}", client.callback());
                }
                client.sendChanges(current);
            }
        } catch (RuntimeException e) {
            LOG.warn("oscquery: streaming values failed for a round ({})", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String shorten(String path) {
        return path.length() > 80 ? path.substring(0, 80) + "…" : path;
    }

    /** One WebSocket client: what it listens to (in the order it asked) and what it last received. */
    private static final class Client {
        final WsContext ctx;
        final Set<String> listened = new LinkedHashSet<>();
        final Map<String, List<Object>> lastSent = new HashMap<>();
        final AtomicInteger pending = new AtomicInteger();

        Client(WsContext ctx) {
            this.ctx = ctx;
        }

        WriteCallback callback() {
            pending.incrementAndGet();
            return new WriteCallback() {
                @Override
                public void writeSuccess() {
                    pending.decrementAndGet();
                }

                @Override
                public void writeFailed(Throwable x) {
                    pending.decrementAndGet();
                    LOG.debug("oscquery: a send to a WebSocket client failed", x);
                }
            };
        }

        synchronized void sendChanges(OscNamespace namespace) {
            List<String> paths = new ArrayList<>(listened);
            for (String path : paths) {
                if (pending.get() >= MAX_PENDING || !ctx.session.isOpen()) {
                    return;
                }
                Optional<OscNode> node = namespace.find(path);
                if (node.isEmpty()) {
                    continue; // gone with a scene; comes back if the scene does
                }
                List<Object> value = node.get().value().get();
                if (value.isEmpty() || value.equals(lastSent.get(path))) {
                    continue;
                }
                ByteBuffer packet = packet(path, value);
                if (packet != null) {
                    lastSent.put(path, value);
                    ctx.session.getRemote().sendBytes(packet, callback());
                }
            }
        }
    }

    /** The value as one OSC message to the path; null (logged at debug) when it cannot be written. */
    static ByteBuffer packet(String path, List<Object> value) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET);
        try {
            new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buffer))
                    .write(new OSCMessage(path, value));
        } catch (OSCSerializeException | RuntimeException e) {
            LOG.debug("oscquery: value of {} not written as OSC", path, e);
            return null;
        }
        return buffer.flip();
    }
}
