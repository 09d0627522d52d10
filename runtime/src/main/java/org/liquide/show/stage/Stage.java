package org.liquide.show.stage;

import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameContent;
import org.liquide.render.gl.Framebuffer;
import org.liquide.scene.SceneInstance;
import org.liquide.scene.SceneResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

/**
 * What the render loop draws in a show: the current scene, crossfading from the previous one when a
 * scene changes, faded to black on blackout, and nothing but black while asleep. Commands arrive from
 * other threads through a small bounded mailbox emptied at the start of each frame (offering never
 * blocks: a full mailbox refuses the command). Render thread; no allocation per frame in steady state.
 */
public final class Stage implements FrameContent {
    private static final Logger LOG = LoggerFactory.getLogger(Stage.class);

    private final SceneResources resources;
    private final ArrayBlockingQueue<StageCommand> mailbox = new ArrayBlockingQueue<>(16);
    private final Crossfade crossfade = new Crossfade();
    private final Consumer<SceneInstance> onSceneShown;
    private SceneInstance current;
    private SceneInstance outgoing;
    private double transitionStart;
    private double transitionSeconds;
    private double blackoutLevel;
    private double blackoutTarget;
    private double blackoutRate;
    private boolean asleep;
    private Compositor privateCompositor;
    private double transitionProgress = 1;
    private volatile SceneInstance shown;
    private volatile java.util.function.Consumer<String> reloadListener = error -> { };

    /** @param onSceneShown told (on the render thread) when a scene becomes current, for status and journal */
    public Stage(SceneResources resources, Consumer<SceneInstance> onSceneShown) {
        this.resources = resources;
        this.onSceneShown = onSceneShown;
    }

    /** Queues a command; false when the mailbox is full (never blocks). Any thread. */
    public boolean offer(StageCommand command) {
        return mailbox.offer(command);
    }

    @Override
    public Framebuffer render(FrameClock clock, Compositor compositor) {
        StageCommand command;
        while ((command = mailbox.poll()) != null) {
            apply(command, clock);
        }
        if (blackoutLevel != blackoutTarget) {
            double step = blackoutRate * clock.deltaSeconds();
            blackoutLevel = blackoutTarget > blackoutLevel ? Math.min(blackoutTarget, blackoutLevel + step)
                    : Math.max(blackoutTarget, blackoutLevel - step);
        }
        if (asleep || current == null) {
            return crossfade.black(compositor, clock);
        }
        Framebuffer incoming = current.render(clock);
        if (outgoing != null) {
            transitionProgress = transitionSeconds <= 0 ? 1 : (clock.seconds() - transitionStart) / transitionSeconds;
            if (transitionProgress >= 1) {
                outgoing.close();
                outgoing = null;
            }
        }
        return crossfade.draw(compositor, clock, incoming, outgoing == null ? null : outgoing.render(clock),
                transitionProgress, blackoutLevel);
    }

    /**
     * The frame just drawn, again without live camera layers (what the journal and recorder keep by
     * default). Call after {@link #render} in the same frame. Render thread.
     */
    public Framebuffer renderWithoutVisitors(FrameClock clock, int width, int height) {
        if (privateCompositor == null) {
            privateCompositor = new Compositor(width, height);
        }
        if (asleep || current == null) {
            return crossfade.black(privateCompositor, clock);
        }
        return crossfade.draw(privateCompositor, clock, current.renderWithoutVisitors(clock),
                outgoing == null ? null : outgoing.renderWithoutVisitors(clock), transitionProgress, blackoutLevel);
    }

    private void apply(StageCommand command, FrameClock clock) {
        switch (command) {
            case StageCommand.Show show -> {
                SceneInstance next;
                try {
                    next = SceneInstance.create(show.scene(), resources);
                } catch (RuntimeException e) {
                    LOG.error("scene {} could not be built; {} stays on screen:{}{}", show.scene().definition().name(),
                            current == null ? "black" : current.name(), System.lineSeparator(), e.getMessage());
                    reloadListener.accept("scene " + show.scene().definition().name() + " not shown: " + e.getMessage());
                    show.scene().discard();
                    return;
                }
                if (outgoing != null) {
                    outgoing.close();
                }
                outgoing = asleep ? null : current;
                if (outgoing == null && current != null) {
                    current.close();
                }
                current = next;
                shown = next;
                asleep = false;
                transitionStart = clock.seconds();
                transitionSeconds = show.transitionSeconds();
                onSceneShown.accept(next);
            }
            case StageCommand.Blackout blackout -> {
                blackoutTarget = blackout.on() ? 1 : 0;
                blackoutRate = blackout.fadeSeconds() <= 0 ? Double.MAX_VALUE : 1 / blackout.fadeSeconds();
            }
            case StageCommand.ReloadShader reload -> {
                if (current != null) {
                    current.reloadShader(reload.file(), reload.document()).forEach((layer, result) -> {
                        if (result instanceof org.liquide.render.shader.ReloadResult.Failed failed) {
                            reloadListener.accept(failed.report());
                            LOG.error("shader {} of layer {} not reloaded; the previous version stays:{}{}", reload.file().getFileName(),
                                    layer, System.lineSeparator(), failed.report());
                        } else {
                            reloadListener.accept("");
                            LOG.info("shader {} of layer {} reloaded", reload.file().getFileName(), layer);
                        }
                    });
                }
            }
            case StageCommand.Sleep sleep -> {
                asleep = true;
                if (outgoing != null) {
                    outgoing.close();
                    outgoing = null;
                }
                if (current != null) {
                    current.close();
                    current = null;
                }
                shown = null;
            }
        }
    }

    @Override
    public boolean idle() {
        return asleep;
    }

    /**
     * The scene on screen, for other threads that read what does not change once it is built (its
     * definition, its sketch runners, its generators). Null asleep or before the first scene.
     */
    @Override
    public boolean showing() {
        return shown != null;
    }

    public SceneInstance shown() {
        return shown;
    }

    /**
     * Told each shader reload's outcome, and a scene that could not be built on the render thread (its
     * shader did not compile), on the render thread: the errors, or an empty string. Must not block.
     */
    public void onShaderReload(java.util.function.Consumer<String> listener) {
        this.reloadListener = listener;
    }

    /** The scene on screen, or null (asleep, or before the first). Render thread. */
    public SceneInstance current() {
        return current;
    }

    public boolean asleep() {
        return asleep;
    }

    /** 0 visible, 1 fully black. */
    public double blackoutLevel() {
        return blackoutLevel;
    }

    @Override
    public void close() {
        StageCommand pending;
        while ((pending = mailbox.poll()) != null) {
            if (pending instanceof StageCommand.Show show) {
                show.scene().discard();
            }
        }
        if (outgoing != null) {
            outgoing.close();
        }
        if (current != null) {
            current.close();
        }
        if (privateCompositor != null) {
            privateCompositor.close();
        }
    }
}
