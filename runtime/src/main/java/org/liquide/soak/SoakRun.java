package org.liquide.soak;

import org.liquide.config.ConfigResult;
import org.liquide.log.LogTail;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.show.ShowRuntime;
import org.liquide.show.status.DeviceStatus;
import org.liquide.show.status.SignalStatus;
import org.liquide.sound.output.AudioOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The endurance run itself: the show plays its scenes in turn while, on a schedule, a fault is injected
 * and its recovery awaited (the camera cut, the broker killed, the models failing, a shader broken), and
 * each scene's file is edited halfway through its turn (a hot reload). Samples are taken meanwhile.
 */
final class SoakRun {
    private static final Logger LOG = LoggerFactory.getLogger(SoakRun.class);
    private static final long NOTICE_NANOS = 30_000_000_000L;
    private static final long RECOVERY_NANOS = 45_000_000_000L;
    private static final long OUTAGE_NANOS = 8_000_000_000L;
    private static final String INJECTED = "fault injected by the endurance run";

    /** What the run saw. */
    record Result(List<SoakSample> samples, List<FaultOutcome> faults, int edits, List<String> editErrors, Throwable renderFailure,
                  Optional<SoundMeasure> sound) {
    }

    private final SoakOptions options;
    private final SoakRig rig;
    private final ShowRuntime show;
    private final long start = System.nanoTime();
    private final List<FaultOutcome> faults = new ArrayList<>();
    private final List<String> editErrors = new ArrayList<>();
    private int edits;

    SoakRun(SoakOptions options, SoakRig rig) {
        this.options = options;
        this.rig = rig;
        this.show = rig.show;
    }

    Result run(LogTail log) {
        try (SoakProbe probe = new SoakProbe(show.loop(), log, () -> show.status().scene(), start).start()) {
            long end = start + (long) (options.minutes() * 60e9);
            long nextFault = start + (long) (Math.max(options.warmUpSeconds(), options.faultEvery()) * 1e9);
            long nextEdit = start + (long) (options.sceneEvery() * 0.5e9);
            FaultKind[] kinds = FaultKind.values();
            int turn = 0;
            long warmUpEnd = start + (long) (options.warmUpSeconds() * 1e9);
            Optional<AudioOutput> sound = show.audioOutput();
            SoundMeasure.Start soundStart = null;
            while (System.nanoTime() < end && show.loop().failure() == null) {
                long now = System.nanoTime();
                if (soundStart == null && now >= warmUpEnd && sound.isPresent()) {
                    soundStart = SoundMeasure.start(sound.get());
                }
                if (now >= nextFault) {
                    for (int tries = 0; tries < kinds.length; tries++) {
                        Optional<FaultOutcome> outcome = inject(kinds[turn++ % kinds.length]);
                        if (outcome.isPresent()) {
                            faults.add(outcome.get());
                            LOG.info("soak: {}", outcome.get());
                            break;
                        }
                    }
                    nextFault = Math.max(nextFault + (long) (options.faultEvery() * 1e9), System.nanoTime());
                } else if (now >= nextEdit) {
                    editScene();
                    nextEdit = Math.max(nextEdit + (long) (options.sceneEvery() * 1e9), System.nanoTime());
                }
                LockSupport.parkNanos(200_000_000L);
            }
            SoundMeasure.Start measured = soundStart;
            return new Result(probe.samples(), List.copyOf(faults), edits, List.copyOf(editErrors), show.loop().failure(),
                    sound.filter(output -> measured != null).map(output -> SoundMeasure.since(measured, output)));
        }
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private Optional<FaultOutcome> inject(FaultKind kind) {
        try {
            return switch (kind) {
                case CAMERA -> Optional.of(cameraCut());
                case BROKER -> Optional.of(brokerCrash());
                case GENERATOR -> generatorsFail();
                case SHADER -> shaderBroken();
            };
        } catch (IOException e) {
            return Optional.of(new FaultOutcome(kind, seconds(), false, false, 0, "could not inject: " + e.getMessage()));
        }
    }

    private FaultOutcome cameraCut() throws IOException {
        double at = seconds();
        rig.camera.stop();
        boolean seen = await(NOTICE_NANOS, () -> cameraState().equals("lost"));
        LockSupport.parkNanos(OUTAGE_NANOS);
        rig.camera.start();
        long restored = System.nanoTime();
        boolean recovered = await(RECOVERY_NANOS, () -> cameraState().equals("online"));
        return new FaultOutcome(FaultKind.CAMERA, at, seen, recovered, since(restored),
                seen ? "camera lost, then live again" : "the camera was never reported lost");
    }

    private FaultOutcome brokerCrash() throws IOException {
        double at = seconds();
        boolean liveBefore = freshestSensorAge() < 2;
        rig.broker.kill();
        boolean seen = await(NOTICE_NANOS, () -> freshestSensorAge() > 2);
        LockSupport.parkNanos(OUTAGE_NANOS);
        rig.broker.restart();
        long restored = System.nanoTime();
        boolean recovered = await(RECOVERY_NANOS, () -> freshestSensorAge() < 1);
        return new FaultOutcome(FaultKind.BROKER, at, seen && liveBefore, recovered, since(restored),
                liveBefore ? "sensor readings stopped, then flowed again" : "no sensor reading was live before the fault");
    }

    private Optional<FaultOutcome> generatorsFail() {
        double at = seconds();
        if (show.failGenerators(INJECTED) == 0) {
            return Optional.empty();
        }
        long injected = System.nanoTime();
        boolean seen = await(NOTICE_NANOS, () -> show.status().generators().stream()
                .anyMatch(g -> g.lastError() != null && g.lastError().contains(INJECTED)));
        boolean recovered = await(RECOVERY_NANOS, () -> !show.status().generators().isEmpty()
                && show.status().generators().stream().allMatch(g -> g.state().equals("running")));
        return Optional.of(new FaultOutcome(FaultKind.GENERATOR, at, seen, recovered, since(injected),
                seen ? "the fallback took over, then the model was reloaded" : "no generator reported the failure"));
    }

    private Optional<FaultOutcome> shaderBroken() throws IOException {
        String scene = show.status().scene();
        Optional<Path> shader = shaderOfScene(scene);
        if (shader.isEmpty()) {
            return Optional.empty();
        }
        double at = seconds();
        Path file = shader.get();
        String name = file.getFileName().toString();
        String original = Files.readString(file);
        Files.writeString(file, original + "\n#error the endurance run broke this shader\n");
        // The playlist may take the scene off the stage before its edit is read: then nothing is to be reported.
        await(NOTICE_NANOS, () -> show.reloadError().contains(name) || !scene.equals(show.status().scene()));
        boolean seen = show.reloadError().contains(name);
        Files.writeString(file, original);
        if (!seen && !scene.equals(show.status().scene())) {
            LOG.info("soak: the shader fault on {} is not judged: scene {} left the stage before its edit was read", name, scene);
            return Optional.empty();
        }
        long restored = System.nanoTime();
        boolean recovered = await(RECOVERY_NANOS, () -> show.reloadError().isEmpty());
        return Optional.of(new FaultOutcome(FaultKind.SHADER, at, seen, recovered, since(restored),
                name + (seen ? ": the compile error reported, the previous version kept, then the fix applied"
                        : ": the broken edit was not reported")));
    }

    /** An artist's edit: a comment added to the scene shown; it must reload without an error. */
    private void editScene() {
        String scene = show.status().scene();
        if (scene == null || scene.isEmpty()) {
            return;
        }
        Path file = rig.scenes.resolve(scene).resolve(SceneFiles.FILE_NAME);
        try {
            Files.writeString(file, "\n# edited by the endurance run (" + (++edits) + ")\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            editErrors.add(scene + ": " + e.getMessage());
            return;
        }
        LockSupport.parkNanos(3_000_000_000L);
        String error = show.reloadError();
        if (!error.isEmpty()) {
            editErrors.add(scene + ": " + error);
        }
    }

    private Optional<Path> shaderOfScene(String scene) {
        if (scene == null || scene.isEmpty()) {
            return Optional.empty();
        }
        if (SceneFiles.load(rig.scenes.resolve(scene)) instanceof ConfigResult.Valid<SceneDefinition> valid) {
            return valid.value().layers().stream().filter(l -> l instanceof LayerDefinition.Shader)
                    .map(l -> ((LayerDefinition.Shader) l).file()).findFirst();
        }
        return Optional.empty();
    }

    private String cameraState() {
        return show.status().cameras().stream().filter(c -> c.name().equals("salle")).map(DeviceStatus::state).findFirst().orElse("");
    }

    /** Seconds since the newest sensor reading (any node), or infinity before any. */
    private double freshestSensorAge() {
        return show.status().signals().stream().filter(s -> s.source().equals("sensor") && s.ageSeconds() >= 0)
                .mapToDouble(SignalStatus::ageSeconds).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static boolean await(long nanos, BooleanSupplier condition) {
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(100_000_000L);
        }
        return condition.getAsBoolean();
    }
}
