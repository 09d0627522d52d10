package org.liquide.testing;

import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.ChildRun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PulseAudio server for the sound tests, on a machine with no sound card: two null sinks, one
 * that the show plays into ({@link #OUTPUT}, the default sink, recorded from its monitor) and one that
 * stands for the room ({@link #ROOM}, fed by the tests), whose monitor is the microphone
 * ({@link #MICROPHONE}, the default source).
 *
 * <p>Java's sound reaches it through ALSA's default device and the ALSA pulse plugin, which read
 * {@code PULSE_SERVER} from the environment; the runtime module's Surefire configuration sets it to a
 * socket in {@code target/pulse}, and the server started here listens there. One server per test JVM,
 * started on first use and stopped when the JVM exits. Needs Debian's {@code pulseaudio},
 * {@code pulseaudio-utils} and {@code libasound2-plugins} ({@code scripts/install-system-packages test}).
 */
public final class PulseServer {
    public static final String OUTPUT = "liquide_out";
    public static final String ROOM = "liquide_room";
    public static final String MICROPHONE = "liquide_mic";
    private static final int SOCKET_PATH_LIMIT = 107;
    private static PulseServer shared;

    private final Path folder;
    private final String address;
    private final Process daemon;

    private PulseServer(Path folder, String address, Process daemon) {
        this.folder = folder;
        this.address = address;
        this.daemon = daemon;
    }

    /** The JVM's server, started on first use; fails the test with the reason when it cannot start. */
    public static synchronized PulseServer shared() {
        if (shared == null) {
            shared = start();
            PulseServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "pulse-server-stop"));
        }
        return shared;
    }

    private static PulseServer start() {
        String address = System.getenv("PULSE_SERVER");
        if (address == null || !address.startsWith("unix:")) {
            throw new AssertionError("the sound tests need PULSE_SERVER=unix:<socket> in the test JVM's environment "
                    + "(runtime/pom.xml's Surefire configuration sets it); it is " + address);
        }
        Path socket = Path.of(address.substring("unix:".length()));
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > SOCKET_PATH_LIMIT) {
            throw new AssertionError("the sound server's socket path is longer than a Unix socket allows (" + SOCKET_PATH_LIMIT
                    + " bytes): " + socket + "; build from a shorter folder");
        }
        Path folder = socket.getParent();
        try {
            Files.createDirectories(folder);
            stopLeftover(folder);
            Files.deleteIfExists(socket);
            Path script = folder.resolve("liquide-test.pa");
            Files.writeString(script, String.join("\n",
                    "load-module module-native-protocol-unix socket=" + socket + " auth-anonymous=1",
                    "load-module module-null-sink sink_name=" + OUTPUT + " rate=48000",
                    "load-module module-null-sink sink_name=" + ROOM + " rate=48000",
                    "load-module module-remap-source master=" + ROOM + ".monitor source_name=" + MICROPHONE,
                    "set-default-sink " + OUTPUT,
                    "set-default-source " + MICROPHONE, ""));
            ProcessBuilder builder = new ProcessBuilder("pulseaudio", "-n", "-F", script.toString(), "--daemonize=no",
                    "--exit-idle-time=-1", "--use-pid-file=no", "--disallow-exit", "--disable-shm=yes",
                    "--log-target=stderr", "--log-level=warning")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("pulseaudio.log").toFile());
            isolate(builder, folder);
            Process daemon;
            try {
                daemon = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot start the test sound server (pulseaudio): " + e.getMessage()
                        + "; install it with scripts/install-system-packages test", e);
            }
            Files.writeString(folder.resolve("pulseaudio.pid"), Long.toString(daemon.pid()));
            PulseServer server = new PulseServer(folder, address, daemon);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server left by a test JVM that was killed would hold the socket: stop it. */
    private static void stopLeftover(Path folder) throws IOException {
        Path pid = folder.resolve("pulseaudio.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("pulseaudio")).orElse(false))
                    .ifPresent(ProcessHandle::destroy);
            Files.delete(pid);
        }
    }

    /** Its own runtime, state and home folders: nothing of a person's own sound server is touched or used. */
    private static void isolate(ProcessBuilder builder, Path folder) {
        var environment = builder.environment();
        environment.put("HOME", folder.toString());
        environment.put("XDG_RUNTIME_DIR", folder.toString());
        environment.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        environment.put("PULSE_RUNTIME_PATH", folder.resolve("runtime").toString());
        environment.put("PULSE_STATE_PATH", folder.resolve("state").toString());
        environment.remove("DBUS_SESSION_BUS_ADDRESS");
        environment.remove("DISPLAY");
    }

    private void awaitReady() {
        String[] last = {""};
        Await.until(Await.GENEROUS, () -> "the test sound server's sinks; pactl said: " + last[0] + "; its log: " + log(), () -> {
            if (!daemon.isAlive()) {
                throw new AssertionError("the test sound server (pulseaudio) exited with " + daemon.exitValue() + ": " + log());
            }
            try {
                ChildRun info = ChildRun.run(client("pactl", "list", "short", "sinks"), Duration.ofSeconds(30));
                last[0] = info.output();
                return info.succeeded() && last[0].contains(OUTPUT) && last[0].contains(ROOM);
            } catch (IOException e) {
                throw new AssertionError("pactl (Debian's pulseaudio-utils) did not answer: " + e.getMessage()
                        + "; if it is missing, install it with scripts/install-system-packages test", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        });
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("pulseaudio.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A PulseAudio client command pointed at this server. */
    public ProcessBuilder client(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PULSE_SERVER", address);
        return builder;
    }

    /** {@code unix:<socket>}, for a child process's {@code PULSE_SERVER}. */
    public String address() {
        return address;
    }

    /**
     * Plays mono float samples into the room, over and over until closed, as a sound the microphone
     * hears. PulseAudio paces it in real time.
     */
    public RoomSound playInRoom(float[] samples, int rate) {
        try {
            Process pacat = client("pacat", "--playback", "--device=" + ROOM, "--format=float32le", "--rate=" + rate,
                    "--channels=1", "--raw", "--latency-msec=100").redirectErrorStream(true).start();
            byte[] bytes = floatBytes(samples);
            Thread writer = Thread.ofPlatform().daemon().name("pulse-room-sound").start(() -> {
                try (OutputStream out = pacat.getOutputStream()) {
                    while (pacat.isAlive()) {
                        out.write(bytes);
                    }
                } catch (IOException closed) {
                    // stopped
                }
            });
            return new RoomSound(pacat, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sound playing in the room. */
    public record RoomSound(Process pacat, Thread writer) implements AutoCloseable {
        @Override
        public void close() {
            pacat.destroy();
            try {
                pacat.waitFor(5, TimeUnit.SECONDS);
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts recording what the show plays (the output sink's monitor), mono float samples at {@code rate}. */
    public Recording recordOutput(int rate) {
        try {
            Process parec = client("parec", "--device=" + OUTPUT + ".monitor", "--format=float32le", "--rate=" + rate,
                    "--channels=1", "--raw", "--latency-msec=20").start();
            return new Recording(parec, rate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the output's monitor carries, from the moment it started. */
    public static final class Recording implements AutoCloseable {
        private final Process parec;
        private final int rate;
        private final List<byte[]> chunks = new ArrayList<>();
        private final Thread reader;
        private long bytes;

        Recording(Process parec, int rate) {
            this.parec = parec;
            this.rate = rate;
            this.reader = Thread.ofPlatform().daemon().name("pulse-recording").start(this::read);
        }

        private void read() {
            try (InputStream in = parec.getInputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (chunks) {
                        chunks.add(java.util.Arrays.copyOf(buffer, n));
                        bytes += n;
                    }
                }
            } catch (IOException closed) {
                // stopped
            }
        }

        public int rate() {
            return rate;
        }

        /** Seconds recorded so far. */
        public double seconds() {
            synchronized (chunks) {
                return bytes / 4.0 / rate;
            }
        }

        /** The samples recorded so far. */
        public float[] samples() {
            synchronized (chunks) {
                ByteBuffer all = ByteBuffer.allocate((int) (bytes - bytes % 4)).order(ByteOrder.LITTLE_ENDIAN);
                for (byte[] chunk : chunks) {
                    all.put(chunk, 0, Math.min(chunk.length, all.remaining()));
                }
                all.flip();
                float[] samples = new float[all.remaining() / 4];
                all.asFloatBuffer().get(samples);
                return samples;
            }
        }

        @Override
        public void close() {
            parec.destroy();
            try {
                parec.waitFor(5, TimeUnit.SECONDS);
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] floatBytes(float[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(samples);
        return buffer.array();
    }

    private void stop() {
        daemon.destroy();
        try {
            daemon.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
