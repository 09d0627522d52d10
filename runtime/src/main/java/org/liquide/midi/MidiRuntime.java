package org.liquide.midi;

import org.liquide.signal.SignalBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The showcase's MIDI: its controllers' notes and controls as signals, learn, and scene changes out as program changes.
 * One thread ({@code liquide-midi}) looks for the devices every {@code poll} (opening those that appeared, dropping those
 * unplugged), repeats the controls' last values every second, and sends program changes; the devices' own threads
 * publish what the controllers play. Nobody else waits on a device: a scene change only notes its program.
 */
public final class MidiRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MidiRuntime.class);
    private static final Duration REPEAT = Duration.ofSeconds(1);

    private record Controller(MidiController config, ControllerSignals signals, MidiConnection connection) {
    }

    private final List<Controller> controllers = new ArrayList<>();
    private final ProgramChanges out;
    private final MidiLearn learn;
    private final Duration poll;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("liquide-midi").daemon().unstarted(runnable));

    /**
     * @param playlist  the scenes in playlist order, for the programs not configured
     * @param onLearned told of each learnt binding (on a device's thread; must not wait)
     */
    public MidiRuntime(MidiConfig config, List<String> playlist, SignalBus bus, MidiPorts ports, Duration poll,
                       Consumer<MidiLearn.Binding> onLearned) {
        this.poll = poll;
        this.learn = new MidiLearn(onLearned, Clock.systemUTC());
        for (MidiController controller : config.controllers()) {
            ControllerSignals signals = new ControllerSignals(controller, bus, learn);
            MidiConnection connection = new MidiConnection("controller '" + controller.name() + "'", controller.device(), true, ports,
                    device -> device.getTransmitter().setReceiver(signals));
            controllers.add(new Controller(controller, signals, connection));
        }
        this.out = config.out().map(o -> new ProgramChanges(o, playlist, ports)).orElse(null);
    }

    public MidiRuntime start() {
        thread.scheduleWithFixedDelay(this::check, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::repeat, REPEAT.toMillis(), REPEAT.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("MIDI: {} controller{}{}, looking for the devices every {} ms", controllers.size(),
                controllers.size() == 1 ? "" : "s", out == null ? "" : ", program changes out", poll.toMillis());
        return this;
    }

    private void check() {
        for (Controller controller : controllers) {
            controller.connection().check();
        }
        if (out != null) {
            out.flush();
        }
    }

    private void repeat() {
        for (Controller controller : controllers) {
            if (!controller.connection().connected().isEmpty()) {
                controller.signals().repeat();
            }
        }
    }

    /** A scene went on stage (any thread; never waits): its program goes out from the MIDI thread. */
    public void sceneChanged(String scene) {
        if (out == null) {
            return;
        }
        out.sceneChanged(scene);
        try {
            thread.execute(out::flush);
        } catch (RejectedExecutionException closing) {
            // the show is closing
        }
    }

    public MidiLearn learn() {
        return learn;
    }

    /** Each controller's open device name ("" while it is missing), by controller name. */
    public Map<String, String> controllers() {
        Map<String, String> devices = new LinkedHashMap<>();
        controllers.forEach(c -> devices.put(c.config().name(), c.connection().connected()));
        return devices;
    }

    /** The output's open device name ("" while it is missing), empty without program changes out. */
    public Optional<String> output() {
        return Optional.ofNullable(out).map(ProgramChanges::connected);
    }

    /** Program changes sent so far. */
    public long programChangesSent() {
        return out == null ? 0 : out.sent();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        controllers.forEach(c -> c.connection().close());
        if (out != null) {
            out.close();
        }
    }
}
