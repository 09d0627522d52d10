package org.liquide.show;

import org.liquide.app.DemoShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.render.OutputSettings;
import org.liquide.show.status.SignalStatus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The promise with no hardware: {@code liquide node showcase-config/nodes/entree.yaml --simulate}
 * publishes its simulated visitors through a real Mosquitto, and {@code liquide demo --broker URL --node entree}
 * steers the generator with them.
 */
class DemoWithBrokerTest {
    private static final Duration WITHIN = Await.GENEROUS;

    @TempDir
    Path dir;

    private static Process node(String brokerUrl, Path log) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.liquide.cli.Main",
                "node", "../showcase-config/nodes/entree.yaml", "--simulate", "--broker", brokerUrl);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Optional<SignalStatus> signal(ShowRuntime runtime, String name, String target) {
        return runtime.status().signals().stream().filter(s -> s.name().equals(name) && s.target().equals(target)).findFirst();
    }

    @Test
    void aSimulatedNodeThroughARealBrokerSteersTheDemo() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start()) {
            Process node = node(broker.url(), dir.resolve("node.log"));
            try (DemoShow demo = DemoShow.start(new DemoShow.Options(Optional.of("test"), "builtin",
                    OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(30),
                    Optional.of(URI.create(broker.url())), "entree"))) {
                ShowRuntime runtime = demo.runtime();
                String target = "generator.camera_mix";
                Await.until(WITHIN, () -> "entree/distance moving the camera mix; signals: " + runtime.status().signals(),
                        () -> signal(runtime, "entree/distance", target).filter(s -> !s.stale() && Double.isFinite(s.mapped())).isPresent());
                double first = signal(runtime, "entree/distance", target).orElseThrow().mapped();
                Await.until(WITHIN, () -> "the simulated visitor to move the camera mix away from " + first,
                        () -> Math.abs(signal(runtime, "entree/distance", target).orElseThrow().mapped() - first) > 0.05);
                assertTrue(runtime.status().signals().stream().noneMatch(s -> s.name().startsWith("demo/") && s.ageSeconds() >= 0),
                        "no in-process node runs when a broker is named");
            } finally {
                node.destroy();
                assertTrue(node.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS), "the node stops on SIGTERM");
            }
        }
    }
}
