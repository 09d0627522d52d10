package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.MqttProbe;
import org.liquide.show.status.DeviceStatus;
import org.liquide.show.sync.ShowSync;
import org.liquide.showcase.SyncRole;
import org.liquide.showcase.ShowcaseConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Two runtimes of one showcase on one machine and a real Mosquitto: a leader, a follower, and a show controller. */
class ShowSyncTest {
    private static final Duration WITHIN = Await.GENEROUS;

    @TempDir
    Path dir;



    private static Optional<String> peer(ShowRuntime runtime, String machine) {
        return runtime.status().runtimes().stream().filter(r -> r.name().equals(machine)).map(DeviceStatus::state).findFirst();
    }

    private void scene(String name, String rgb) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenes").resolve(name));
        Files.writeString(folder.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(" + rgb + ", 1.0); }\n");
        Files.writeString(folder.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
    }

    @Test
    void theFollowerMirrorsTheLeaderAndEitherOperatorActsOnBoth() throws Exception {
        scene("rouge", "1.0, 0.0, 0.0");
        scene("bleu", "0.0, 0.0, 1.0");
        try (MosquittoProcess broker = MosquittoProcess.start();
             MqttProbe controller = MqttProbe.subscribe(broker.port(), "liquide/#")) {
            ShowcaseConfig base = TestShowcases.config(dir, List.of("rouge", "bleu"), Optional.of(URI.create(broker.url())), false, List.of());
            try (ShowRuntime leader = ShowLauncher.start(TestShowcases.asMachine(base, "regie-a", SyncRole.LEAD), TestShowcases.offscreen());
                 ShowRuntime follower = ShowLauncher.start(TestShowcases.asMachine(base, "regie-b", SyncRole.FOLLOW), TestShowcases.offscreen())) {
                ShowFrames.awaitCentre(leader, 0xFF0000, WITHIN, "the leader's first scene");
                ShowFrames.awaitCentre(follower, 0xFF0000, WITHIN, "the follower's first scene");
                Await.until(WITHIN, "each runtime lists the other online",
                        () -> peer(follower, "regie-a").equals(Optional.of("online")) && peer(leader, "regie-b").equals(Optional.of("online")));

                leader.control().switchScene("bleu");
                ShowFrames.awaitCentre(follower, 0x0000FF, WITHIN, "the follower following the leader's switch");

                follower.control().blackout(true);
                ShowFrames.awaitCentre(leader, 0x000000, WITHIN, "the leader blacked out from the follower's panel");
                follower.control().blackout(false);
                ShowFrames.awaitCentre(leader, 0x0000FF, WITHIN, "the leader back");

                leader.control().sleep();
                Await.until(WITHIN, "the follower asleep", () -> follower.status().asleep());
                leader.control().wake();
                Await.until(WITHIN, "the follower awake", () -> !follower.status().asleep());
                ShowFrames.awaitCentre(follower, 0x0000FF, WITHIN, "the follower's scene after waking");

                String topic = ShowSync.commandTopic("test");
                controller.publish(topic, "{\"from\":\"qlab\",\"command\":\"scene\",\"scene\":\"rouge\",\"transition\":0}".getBytes(StandardCharsets.UTF_8));
                ShowFrames.awaitCentre(leader, 0xFF0000, WITHIN, "the leader switched by a show controller");
                ShowFrames.awaitCentre(follower, 0xFF0000, WITHIN, "the follower switched by a show controller");

                controller.publish(topic, "{\"from\":\"qlab\",\"command\":\"scene\",\"scene\":\"nulle-part\"}".getBytes(StandardCharsets.UTF_8));
                controller.publish(topic, "garbage".getBytes(StandardCharsets.UTF_8));
                controller.publish(topic, "{\"from\":\"qlab\",\"command\":\"blackout\",\"on\":true}".getBytes(StandardCharsets.UTF_8));
                ShowFrames.awaitCentre(follower, 0x000000, WITHIN, "commands after refused ones still apply");
            }
        }
    }

    @Test
    void aRuntimeThatStopsIsListedOffline() throws Exception {
        scene("rouge", "1.0, 0.0, 0.0");
        try (MosquittoProcess broker = MosquittoProcess.start()) {
            ShowcaseConfig base = TestShowcases.config(dir, List.of("rouge"), Optional.of(URI.create(broker.url())), false, List.of());
            try (ShowRuntime first = ShowLauncher.start(TestShowcases.asMachine(base, "regie-a", SyncRole.PEER), TestShowcases.offscreen())) {
                try (ShowRuntime second = ShowLauncher.start(TestShowcases.asMachine(base, "regie-b", SyncRole.PEER), TestShowcases.offscreen())) {
                    Await.until(WITHIN, "regie-b seen online", () -> peer(first, "regie-b").equals(Optional.of("online")));
                }
                Await.until(WITHIN, "regie-b seen offline once it stopped", () -> peer(first, "regie-b").equals(Optional.of("offline")));
            }
        }
    }
}
