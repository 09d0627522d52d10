package org.liquide.soak;

import org.liquide.show.ShowRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The fast endurance mode: asks the show through its control API ({@code POST /api/scene}, as an operator's
 * panel would) for the next scene of every scene in turn, heaviest included, as soon as the previous one is
 * on stage, for a given number of changes; the memory after each change is what a leak per scene change
 * shows in.
 */
final class SceneChangeRun {
    private static final Logger LOG = LoggerFactory.getLogger(SceneChangeRun.class);
    private static final long ON_STAGE_NANOS = 60_000_000_000L;
    private static final int LIVE_HEAP_EVERY_CHANGES = 25;
    private static final double MIB = 1024 * 1024;

    /** One scene change: the memory once the scene asked for was on stage. */
    record Sample(int change, double seconds, String scene, double residentMiB, double nativeMiB, double liveHeapMiB) {
    }

    /** What the run saw: the samples, and the changes that failed (refused, or never on stage). */
    record Result(List<Sample> samples, List<String> failures, Throwable renderFailure) {
    }

    private final ShowRuntime show;
    private final List<String> scenes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String token;

    SceneChangeRun(ShowRuntime show, List<String> scenes, Path tokenFile) throws IOException {
        this.show = show;
        this.scenes = List.copyOf(scenes);
        this.endpoint = show.panelUrl().orElseThrow(() -> new IOException("the show has no control panel")).resolve("/api/scene");
        this.token = Files.readString(tokenFile).trim();
    }

    Result run(int changes, Runnable progress) {
        long start = System.nanoTime();
        List<Sample> samples = new ArrayList<>(changes);
        List<String> failures = new ArrayList<>();
        double liveHeap = liveHeapMiB();
        for (int change = 1; change <= changes && show.loop().failure() == null; change++) {
            String scene = nextScene(change);
            String problem = ask(scene);
            if (problem == null && !onStage(scene)) {
                problem = "scene " + scene + " not on stage within " + ON_STAGE_NANOS / 1_000_000_000 + " s";
            }
            if (problem != null) {
                failures.add("change " + change + ": " + problem);
                LOG.warn("soak: change {}: {}", change, problem);
                if (failures.size() >= 5) {
                    break;
                }
            }
            if (change % LIVE_HEAP_EVERY_CHANGES == 0) {
                liveHeap = liveHeapMiB();
            }
            ProcessMemory memory = ProcessMemory.now();
            samples.add(new Sample(change, (System.nanoTime() - start) / 1e9, scene, memory.residentMiB(), memory.nativeMiB(), liveHeap));
            progress.run();
        }
        return new Result(List.copyOf(samples), List.copyOf(failures), show.loop().failure());
    }

    /** Every scene in turn, never the one on stage (a switch to it would change nothing). */
    private String nextScene(int change) {
        String next = scenes.get(change % scenes.size());
        return next.equals(show.sceneOnStage()) ? scenes.get((change + 1) % scenes.size()) : next;
    }

    /** Null when the panel took the request, else what it answered. */
    private String ask(String scene) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + scene + "\"}")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : "the panel answered " + response.statusCode() + ": " + response.body();
        } catch (IOException e) {
            return "the panel did not answer: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private boolean onStage(String scene) {
        long deadline = System.nanoTime() + ON_STAGE_NANOS;
        while (System.nanoTime() < deadline) {
            if (scene.equals(show.sceneOnStage())) {
                return true;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return false;
    }

    private static double liveHeapMiB() {
        System.gc(); // ZGC: a full concurrent cycle; the render thread is not paused for it
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }
}
