package org.liquide.dmx;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.render.OutputSettings;
import org.liquide.show.RunOptions;
import org.liquide.show.ShowRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A running show drives a lighting node as a desk would see it: a scene's mapping moves a DMX channel like any
 * parameter, and the show's blackout and sleep send the channels' safe levels.
 */
class DmxInShowTest {
    @TempDir
    Path dir;

    @Test
    void aScenesMappingMovesTheChannelAndBlackoutAndSleepSendTheSafeLevels() throws Exception {
        Path scene = Files.createDirectories(dir.resolve("scenes/fond"));
        Files.writeString(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.2, 0.4, 0.6, 1.0); }\n");
        Files.writeString(scene.resolve("scene.yaml"), """
                transition: 0s
                layers:
                  - {name: fond, type: shader, file: fond.frag}
                mappings:
                  - {signal: entree/presence, target: dmx.house, timeout: 1h}
                """);
        try (DmxReceiver node = new DmxReceiver()) {
            Path showcase = dir.resolve("showcase.yaml");
            Files.writeString(showcase, """
                    showcase: essai
                    scenes: scenes
                    control: {enabled: false}
                    playlist:
                      - {scene: fond, duration: 1h}
                    dmx:
                      targets: [{protocol: art-net, host: 127.0.0.1, port: %d, universe: 2}]
                      channels:
                        house: {channel: 1, safe: 1}
                        wash: {channel: 2, initial: 0.4}
                    """.formatted(node.port()));
            RunOptions options = new RunOptions(OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(60),
                    false, false, Optional.empty(), true);
            try (ShowRuntime runtime = ShowLauncher.start(ShowRuntime.load(showcase), options)) {
                DmxReceiver.ArtDmxFrame first = await(node, f -> f.slots()[1] == 102);
                assertEquals(2, first.portAddress());
                runtime.bus().publish("test", "entree/presence", new double[]{0.8}, 1, 0);
                await(node, f -> f.slots()[0] == 204 && f.slots()[1] == 102);
                runtime.control().blackout(true);
                await(node, f -> f.slots()[0] == 255 && f.slots()[1] == 0);
                runtime.control().blackout(false);
                await(node, f -> f.slots()[0] == 204 && f.slots()[1] == 102);
                runtime.control().sleep();
                await(node, f -> f.slots()[0] == 255 && f.slots()[1] == 0);
                runtime.control().wake();
                await(node, f -> f.slots()[0] == 204 && f.slots()[1] == 102);
            }
        }
    }

    @Test
    void aControlLearntFromThePanelMovesItsTargetInTheSceneOnStage() throws Exception {
        Path scene = Files.createDirectories(dir.resolve("scenes/fond"));
        Files.writeString(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.2, 0.4, 0.6, 1.0); }\n");
        Files.writeString(scene.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        try (DmxReceiver node = new DmxReceiver()) {
            Path showcase = dir.resolve("showcase.yaml");
            Files.writeString(showcase, """
                    showcase: essai
                    scenes: scenes
                    control: {enabled: false}
                    playlist:
                      - {scene: fond, duration: 1h}
                    dmx:
                      targets: [{protocol: art-net, host: 127.0.0.1, port: %d}]
                      channels: {house: 1}
                    midi:
                      controllers: {nano: nanoKONTROL}
                    """.formatted(node.port()));
            RunOptions options = new RunOptions(OutputSettings.defaults().withSize(160, 90).withHeadless(true).withOffscreenFps(60),
                    false, false, Optional.empty(), true);
            try (ShowRuntime runtime = ShowLauncher.start(ShowRuntime.load(showcase), options)) {
                await(node, f -> f.slots()[0] == 0);
                var learn = runtime.control().midiLearn().orElseThrow();
                learn.arm("dmx.house");
                // as the controller's receiver does (no MIDI device on this machine): the move published and told to
                // learn, the fader's value repeated while the scene is built again with the binding
                runtime.bus().publish("midi", "midi/nano/cc/7", new double[]{0.6}, 1, 0);
                learn.moved("midi/nano/cc/7");
                await(node, f -> f.slots()[0] == 153, () -> runtime.bus().publish("midi", "midi/nano/cc/7", new double[]{0.6}, 1, 0));
                runtime.bus().publish("midi", "midi/nano/cc/7", new double[]{1.0}, 1, 0);
                await(node, f -> f.slots()[0] == 255);
            }
        }
    }

    private static DmxReceiver.ArtDmxFrame await(DmxReceiver node, Predicate<DmxReceiver.ArtDmxFrame> condition) throws Exception {
        return await(node, condition, () -> { });
    }

    private static DmxReceiver.ArtDmxFrame await(DmxReceiver node, Predicate<DmxReceiver.ArtDmxFrame> condition, Runnable meanwhile)
            throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        DmxReceiver.ArtDmxFrame last = null;
        while (System.nanoTime() < deadline) {
            meanwhile.run();
            DmxReceiver.ArtDmxFrame frame = node.nextArtDmx(1000);
            if (frame != null) {
                last = frame;
                if (condition.test(frame)) {
                    return frame;
                }
            }
        }
        return fail("no frame met the condition; the last began " + (last == null ? "(none)"
                : last.slots()[0] + ", " + last.slots()[1]));
    }
}
