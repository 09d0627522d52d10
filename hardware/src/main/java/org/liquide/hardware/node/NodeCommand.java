package org.liquide.hardware.node;

import org.liquide.config.ConfigError;

import org.liquide.hardware.board.Board;
import org.liquide.hardware.board.BoardUnavailableException;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.node.config.I2cAddress;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.node.config.NodeFileResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.hardware.node.mqtt.MqttReadingSink;
import org.liquide.hardware.node.mqtt.MqttSettings;
import org.liquide.hardware.sim.SimulatedBoard;
import org.liquide.hardware.sim.visitor.ScriptedVisitors;
import org.liquide.hardware.sim.visitor.VisitorScript;
import org.liquide.hardware.time.NanoClock;
import org.liquide.systemd.HeartbeatWatchdog;
import org.liquide.systemd.SystemdNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code node NODE.yaml [--simulate] [--broker URL]}: runs a sensor node until stopped (Ctrl-C, SIGTERM, or an
 * interrupt of the calling thread), then publishes {@code offline} and returns 0 (a JVM stopped by a signal
 * still exits with that signal's status, 130 or 143). Returns 2 when the node file or options are wrong, with
 * every error printed as {@code file:line:col: message}, or when this machine cannot run it (no Pi4J provider
 * on the class path, no I2C bus or GPIO device: not a Pi), and 1 on an unexpected failure.
 */
@Command(name = "node",
        description = "Runs a sensor node: reads the sensors of NODE.yaml and publishes readings over MQTT.")
public final class NodeCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int INTERNAL_FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);
    /** The shortest silence taken for a hang; slow sensors get three of their periods. */
    private static final Duration MIN_STALL = Duration.ofSeconds(5);

    @Parameters(index = "0", paramLabel = "NODE.yaml", description = "The node file.")
    Path file;

    @Option(names = "--simulate",
            description = "Run on the simulated board with scripted visitors instead of a Raspberry Pi's GPIO and I2C.")
    boolean simulate;

    @Option(names = "--broker", paramLabel = "URL",
            description = "The MQTT broker, e.g. tcp://render.local:1883; overrides the node file's.")
    String broker;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SimulatedNode.DEFAULT_SEED,
            description = "Seed of the scripted visitors with --simulate (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeConfig config;
        switch (NodeFiles.load(file)) {
            case NodeFileResult.Invalid invalid -> {
                invalid.errors().stream().map(ConfigError::toString).forEach(err::println);
                err.flush();
                return BAD_INPUT;
            }
            case NodeFileResult.Valid valid -> config = valid.config();
        }
        if (broker != null) {
            Optional<BrokerAddress> override = BrokerAddress.parse(broker);
            if (override.isEmpty()) {
                err.println("--broker must be a URL like tcp://render.local:1883, got " + broker);
                err.flush();
                return BAD_INPUT;
            }
            config = config.withBroker(override.get());
        }
        try {
            return run(config, out);
        } catch (BoardUnavailableException e) {
            err.println("node " + config.node() + ": " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }

    /**
     * Under systemd ({@code Type=notify}): says the node is ready, then pings the watchdog while its sensors
     * are read. Elsewhere it only watches (and logs a stall once).
     */
    private static HeartbeatWatchdog watchdog(SensorNode node) {
        Optional<SystemdNotifier> systemd = SystemdNotifier.fromEnvironment();
        Duration period = SystemdNotifier.watchdogInterval().map(d -> d.dividedBy(2)).orElse(Duration.ofSeconds(2));
        double fastestHz = node.config().sensors().stream().mapToDouble(SensorConfig::rateHz).max().orElse(1);
        Duration stall = Duration.ofNanos(Math.max(MIN_STALL.toNanos(), (long) (3e9 / fastestHz)));
        HeartbeatWatchdog watchdog = new HeartbeatWatchdog("sensor loops", new NodeHeartbeat(node.stats(), System::nanoTime),
                stall, period, systemd, System::nanoTime);
        systemd.ifPresent(notifier -> notifier.send("READY=1")); // ready first: systemd ignores pings before it
        return watchdog.start();
    }

    private int run(NodeConfig config, PrintWriter out) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try (Board board = simulate
                ? SimulatedBoard.forNode(config, new ScriptedVisitors(VisitorScript.random(seed), NanoClock.system()),
                        NanoClock.system())
                : Board.raspberryPi(config.sensors().stream().flatMap(sensor -> sensor.i2cAddress().stream())
                        .map(I2cAddress::bus).collect(Collectors.toSet()),
                        config.sensors().stream().anyMatch(sensor -> sensor.i2cAddress().isEmpty()));
             MqttReadingSink sink = MqttReadingSink.connect(MqttSettings.defaults(config.broker(), config.node())
                     .withSecurity(config.security()));
             SensorNode node = SensorNode.start(config, board, sink);
             HeartbeatWatchdog watchdog = watchdog(node)) {
            out.printf("node %s: %d sensor(s)%s, publishing to %s; Ctrl-C to stop%n", config.node(),
                    config.sensors().size(), simulate ? " (simulated, seed " + seed + ")" : "", config.broker());
            out.flush();
            try {
                stop.await();
            } catch (InterruptedException e) {
                // Stop as on Ctrl-C; the interrupt is restored once the node has said goodbye.
                interrupted = true;
            }
            LOG.info("node {} stopping: {}; {} reading(s) dropped while disconnected", config.node(), node.stats(),
                    sink.droppedWhileDisconnected());
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it is what stopped us.
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }
}
