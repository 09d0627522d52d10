package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.config.ConfigResult;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.model.MappingDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.show.status.SignalRows;
import org.liquide.showcase.PlaylistEntry;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.showcase.ShowcaseFiles;
import org.liquide.signal.mapping.MappingSpec;
import org.liquide.signal.monitor.MonitorJson;
import org.liquide.signal.monitor.MonitorSnapshot;
import org.liquide.signal.monitor.MonitorTable;
import org.liquide.signal.monitor.SignalMonitor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

@Command(name = "signals", mixinStandardHelpOptions = true,
        description = {"Prints every sensor signal live, and what the scenes' mappings make of it.",
                "Raw value, age, live or stale; with --config one row per mapping ('scene: target'). Listens to",
                "the broker like the runtime and announces nothing. Exit 0; 1 when the broker was never reached."})
final class SignalsCommand implements Callable<Integer> {
    private static final Duration REFRESH = Duration.ofSeconds(1);
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--config", paramLabel = "SHOWCASE.yaml", description = "The showcase: its broker and its scenes' mappings.")
        Path config;

        @Option(names = "--broker", paramLabel = "URL", description = "Just a broker, e.g. tcp://127.0.0.1:1883: raw signals only.")
        String broker;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "The broker account's file (one line user:password, mode 0600), e.g. the monitor account's;"
                    + " default with --config: the showcase's broker_credentials. Never a password on the command line.")
    Path credentials;

    @Option(names = "--ca", paramLabel = "FILE", description = "The CA certificate of an mqtts:// broker (default with --config: its broker_ca).")
    Path ca;

    @Option(names = "--json", description = "One JSON object per refresh (JSON Lines), in the control API's shape.")
    boolean json;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds (default: until Ctrl-C).")
    double durationSeconds;

    @Override
    public Integer call() {
        if (durationSeconds < 0 || !Double.isFinite(durationSeconds)) {
            throw new BadInputException("--duration must be 0 or more seconds, got " + durationSeconds);
        }
        URI broker;
        List<MappingSpec> mappings;
        BrokerSecurity security = BrokerSecurity.NONE;
        List<org.liquide.midi.MidiController> controllers = List.of();
        if (source.config != null) {
            ShowcaseConfig showcase = showcase(source.config);
            security = showcase.brokerSecurity();
            broker = showcase.broker().orElseThrow(() -> new BadInputException(source.config
                    + ": names no broker, so there is nothing to listen to (add broker: tcp://HOST:1883, or use --broker)"));
            mappings = mappings(showcase);
            controllers = showcase.midi().controllers();
        } else {
            broker = BrokerAddress.parse(source.broker).map(a -> URI.create(a.toString())).orElseThrow(() ->
                    new BadInputException("--broker " + source.broker + ": expected an MQTT URL like tcp://127.0.0.1:1883"));
            mappings = List.of();
        }
        if (credentials != null) {
            security = security.withCredentials(credentials);
        }
        if (ca != null) {
            security = security.withCa(ca);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = System.console() != null && !json;
        long end = durationSeconds == 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (durationSeconds * 1e9);
        boolean everConnected = false;
        List<org.liquide.midi.MidiController> midi = controllers;
        try (SignalMonitor monitor = new SignalMonitor(broker, security, mappings, REFRESH).start()) {
            if (!midi.isEmpty()) {
                // the showcase's MIDI controllers too, played on this machine (nothing is sent out)
                monitor.listening(bus -> new org.liquide.midi.MidiRuntime(new org.liquide.midi.MidiConfig(midi, java.util.Optional.empty()),
                        List.of(), bus, org.liquide.midi.MidiPorts.SYSTEM, java.time.Duration.ofSeconds(2), binding -> { }).start());
            }
            MonitorSnapshot shown = null;
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(Math.min(REFRESH.toNanos(), Math.max(0, end - System.nanoTime())));
                MonitorSnapshot snapshot = monitor.latest();
                if (snapshot == null || snapshot == shown) {
                    continue;
                }
                shown = snapshot;
                everConnected |= snapshot.connected();
                if (json) {
                    out.println(MonitorJson.line(snapshot));
                } else {
                    out.print(terminal ? CLEAR_SCREEN + MonitorTable.format(snapshot) : MonitorTable.format(snapshot) + "\n");
                }
                out.flush();
            }
        }
        if (!everConnected) {
            spec.commandLine().getErr().println("liquide signals: the broker " + broker + " was never reached");
            return ExitCodes.INTERNAL_FAILURE;
        }
        return ExitCodes.OK;
    }

    private ShowcaseConfig showcase(Path file) {
        ConfigResult<ShowcaseConfig> result = ShowcaseFiles.load(file);
        if (result instanceof ConfigResult.Valid<ShowcaseConfig> valid) {
            return valid.value();
        }
        result.errors().forEach(error -> spec.commandLine().getErr().println(error));
        throw new BadInputException(file + ": " + result.errors().size() + " errors");
    }

    /** Every mapping of the scenes the showcase plays, each target prefixed with its scene. */
    private List<MappingSpec> mappings(ShowcaseConfig showcase) {
        Set<String> scenes = new LinkedHashSet<>();
        showcase.playlist().stream().map(PlaylistEntry::scene).forEach(scenes::add);
        showcase.schedule().outsideScene().ifPresent(scenes::add);
        List<MappingSpec> specs = new ArrayList<>();
        int insideRuntime = 0;
        for (String scene : scenes) {
            ConfigResult<SceneDefinition> loaded = SceneFiles.load(showcase.scenesFolder().resolve(scene));
            if (loaded instanceof ConfigResult.Valid<SceneDefinition> valid) {
                for (MappingDefinition mapping : valid.value().mappings()) {
                    if (!SignalRows.source(mapping.signal()).equals("sensor")) {
                        insideRuntime++;
                        continue;
                    }
                    MappingSpec spec = mapping.toSpec();
                    specs.add(new MappingSpec(spec.signal(), spec.channel(), spec.filters(), scene + ": " + spec.target(),
                            spec.defaultValue(), spec.timeoutSeconds(), spec.glideSeconds()));
                }
            } else {
                loaded.errors().forEach(error -> spec.commandLine().getErr().println(error));
                spec.commandLine().getErr().println("scene " + scene + ": its mappings are left out until it is fixed");
            }
        }
        if (insideRuntime > 0) {
            spec.commandLine().getErr().println(insideRuntime + " mappings of camera-vision and OSC signals are not shown: those signals"
                    + " arrive inside the running show (its control panel shows them), not through the broker");
        }
        return specs;
    }
}
