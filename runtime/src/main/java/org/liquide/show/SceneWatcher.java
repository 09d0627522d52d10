package org.liquide.show;

import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.SceneInstance;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.show.stage.Stage;
import org.liquide.show.stage.StageCommand;
import org.liquide.sketch.SketchCompileException;
import org.liquide.sketch.SketchCompiler;
import org.liquide.sketch.SketchRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hot reload: watches the scenes folder and applies an edit to the scene on screen within a second. An edit to
 * another scene is checked (and a scene refused earlier is tried again: {@link ScenePlayer#changedOffScreen}).
 * A shader file is read and checked here, then compiled on the render thread (a version that does not
 * compile keeps the running one); a sketch is compiled here and swapped in between two of its frames
 * (a compile error keeps the running one); any other file of the scene (scene.yaml, images, masks)
 * rebuilds the scene, which stays as it was when the new version is invalid. Every error is logged
 * and kept for the status page.
 */
public final class SceneWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SceneWatcher.class);
    /** Editors save in several steps; changes are gathered for this long before acting. */
    private static final long SETTLE_MILLIS = 150;

    private final Path scenesFolder;
    private final Stage stage;
    private final ScenePlayer player;
    private final Consumer<String> errors;
    private final WatchService watcher;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param errors told each reload error (empty string after a success) */
    public SceneWatcher(Path scenesFolder, Stage stage, ScenePlayer player, Consumer<String> errors) throws IOException {
        this.scenesFolder = scenesFolder.toAbsolutePath().normalize();
        this.stage = stage;
        this.player = player;
        this.errors = errors;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(this.scenesFolder);
        this.thread = Thread.ofPlatform().name("liquide-scene-watcher").daemon().unstarted(this::loop);
    }

    public SceneWatcher start() {
        thread.start();
        return this;
    }

    private void registerTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path folder : paths.filter(Files::isDirectory).toList()) {
                WatchKey key = folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                folders.put(key, folder);
            }
        }
    }

    private void loop() {
        while (running) {
            Set<Path> changed = new LinkedHashSet<>();
            try {
                WatchKey key = watcher.take();
                collect(key, changed);
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(more, changed);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            try {
                apply(changed);
            } catch (RuntimeException e) {
                LOG.error("hot reload failed", e);
            }
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && folder != null) {
                Path path = folder.resolve(name);
                if (Files.isDirectory(path) && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                    try {
                        registerTree(path);
                    } catch (IOException e) {
                        LOG.warn("cannot watch {}: {}", path, e.getMessage());
                    }
                }
                if (!name.toString().startsWith(".") && !name.toString().endsWith("~")) {
                    changed.add(path.toAbsolutePath().normalize());
                }
            }
        }
        key.reset();
    }

    private void apply(Set<Path> changed) {
        SceneInstance scene = stage.shown();
        Path folder = scene == null ? null : scene.definition().folder().toAbsolutePath().normalize();
        boolean rebuild = false;
        Set<String> offScreen = new LinkedHashSet<>();
        for (Path path : changed) {
            String name = path.getFileName().toString();
            if (!Files.exists(path) && !name.equals(SceneFiles.FILE_NAME)) {
                continue; // an editor's or sed's temporary file, already gone: nothing of the scene changed
            }
            if (scene != null && isShader(name) && usesShader(scene, path)) {
                reloadShader(path);
            } else if (folder != null && path.startsWith(folder)) {
                if (name.endsWith(".java") && path.getParent().getFileName().toString().equals("sketches")) {
                    reloadSketch(scene, path);
                } else if (!isShader(name)) {
                    rebuild = true; // a shader of the folder that no layer draws changes nothing on screen
                }
            } else {
                sceneOf(path).ifPresent(offScreen::add);
            }
        }
        if (rebuild) {
            LOG.info("scene {} changed: reloading", scene.name());
            player.reload();
        }
        offScreen.forEach(player::changedOffScreen);
    }

    /** The scene folder a path is in, when it is one (a folder of the scenes folder with a scene.yaml). */
    private Optional<String> sceneOf(Path path) {
        if (!path.startsWith(scenesFolder) || scenesFolder.relativize(path).getNameCount() < 2) {
            return Optional.empty();
        }
        String name = scenesFolder.relativize(path).getName(0).toString();
        return Files.isRegularFile(scenesFolder.resolve(name).resolve(SceneFiles.FILE_NAME)) ? Optional.of(name)
                : Optional.empty();
    }

    private static boolean isShader(String name) {
        return name.endsWith(".fs") || name.endsWith(".frag") || name.endsWith(".glsl") || name.endsWith(".vs");
    }

    private static boolean usesShader(SceneInstance scene, Path path) {
        Path shader = path.getFileName().toString().endsWith(".vs") ? siblingFragment(path) : path;
        return scene.definition().layers().stream().anyMatch(layer -> layer instanceof LayerDefinition.Shader s
                && s.file().toAbsolutePath().normalize().equals(shader));
    }

    private static Path siblingFragment(Path vertex) {
        String name = vertex.getFileName().toString();
        return vertex.resolveSibling(name.substring(0, name.length() - 3) + ".fs");
    }

    private void reloadShader(Path path) {
        Path shader = path.getFileName().toString().endsWith(".vs") ? siblingFragment(path) : path;
        try {
            ShaderDocument document = ShaderDocument.load(shader);
            if (!stage.offer(new StageCommand.ReloadShader(shader, document))) {
                LOG.warn("stage busy: shader {} not reloaded", shader.getFileName());
            }
        } catch (ShaderException e) {
            errors.accept(e.getMessage());
            LOG.error("shader {} not reloaded; the previous version stays:{}{}", shader.getFileName(),
                    System.lineSeparator(), e.getMessage());
        }
    }

    private void reloadSketch(SceneInstance scene, Path source) {
        String className = source.getFileName().toString().replace(".java", "");
        for (LayerDefinition layer : scene.definition().layers()) {
            if (layer instanceof LayerDefinition.Sketch sketch && sketch.source().toAbsolutePath().normalize().equals(source)) {
                SketchRunner runner = scene.sketchRunners().get(sketch.name());
                try {
                    runner.replace(SketchCompiler.compile(source, sketch.className()).getDeclaredConstructor().newInstance());
                    errors.accept("");
                    LOG.info("sketch {} reloaded", className);
                } catch (SketchCompileException e) {
                    errors.accept(e.getMessage());
                    LOG.error("sketch {} not reloaded; the previous version stays:{}{}", className,
                            System.lineSeparator(), e.getMessage());
                } catch (ReflectiveOperationException e) {
                    errors.accept(source + ": " + e);
                    LOG.error("sketch {} not reloaded: {}", className, e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watcher", e);
        }
        thread.interrupt();
    }
}
