package org.liquide.scene;

import org.liquide.render.FrameClock;
import org.liquide.render.FrameTask;
import org.liquide.scene.model.Cue;
import org.liquide.signal.mapping.ParameterTarget;

import java.util.List;
import java.util.Map;

/**
 * Plays a scene's timed cues: at each cue's time the prompt blend glides to the cue's prompt over its
 * blend time and the cue's targets take their values. Loops when asked. Render thread; no allocation
 * per frame (targets are resolved when the scene is built).
 */
final class Storyboard implements FrameTask {
    private final Cue[] cues;
    private final ParameterTarget[][] cueTargets;
    private final double[][] cueValues;
    private final double[] promptPositions;
    private final ParameterTarget promptBlend;
    private final boolean loop;
    private final double length;
    private double startSeconds = Double.NaN;
    private int next;
    private double blendFrom;
    private double blendTo = Double.NaN;
    private double blendStart;
    private double blendSeconds;
    private double blendValue;
    private String sceneName = "";
    private CueListener listener = CueListener.NONE;

    /**
     * @param promptPositions for each cue, the prompt blend position of its prompt (NaN when the cue sets none)
     */
    Storyboard(List<Cue> cues, double[] promptPositions, ParameterTarget promptBlend,
               java.util.function.Function<String, ParameterTarget> targets, boolean loop) {
        this.cues = cues.toArray(Cue[]::new);
        this.promptPositions = promptPositions;
        this.promptBlend = promptBlend;
        this.loop = loop;
        this.cueTargets = new ParameterTarget[this.cues.length][];
        this.cueValues = new double[this.cues.length][];
        double last = 0;
        for (int i = 0; i < this.cues.length; i++) {
            Map<String, Double> set = this.cues[i].set();
            cueTargets[i] = set.keySet().stream().map(targets).toArray(ParameterTarget[]::new);
            cueValues[i] = set.values().stream().mapToDouble(Double::doubleValue).toArray();
            last = Math.max(last, this.cues[i].atSeconds() + this.cues[i].blendSeconds());
        }
        this.length = last + 1;
        this.blendValue = 0;
    }

    /** Tells {@code listener} of each cue as it fires. */
    Storyboard tellingCues(String scene, CueListener listener) {
        this.sceneName = scene;
        this.listener = listener;
        return this;
    }

    @Override
    public void beforeFrame(FrameClock clock) {
        double now = clock.seconds();
        if (Double.isNaN(startSeconds)) {
            startSeconds = now;
        }
        double t = now - startSeconds;
        if (loop && cues.length > 0 && t >= length) {
            startSeconds = now;
            next = 0;
            t = 0;
        }
        while (next < cues.length && cues[next].atSeconds() <= t) {
            fire(next, t);
            next++;
        }
        if (blendSeconds > 0 && !Double.isNaN(blendTo)) {
            double progress = Math.min(1, (t - blendStart) / blendSeconds);
            blendValue = blendFrom + (blendTo - blendFrom) * progress;
        }
        if (!Double.isNaN(blendTo) && promptBlend != null) {
            promptBlend.set(blendValue);
        }
    }

    private void fire(int index, double t) {
        if (!Double.isNaN(promptPositions[index])) {
            blendFrom = blendValue;
            blendTo = promptPositions[index];
            blendStart = t;
            blendSeconds = cues[index].blendSeconds();
            if (blendSeconds <= 0) {
                blendValue = blendTo;
            }
        }
        for (int k = 0; k < cueTargets[index].length; k++) {
            cueTargets[index][k].set(cueValues[index][k]);
        }
        listener.fired(sceneName, index, cues[index].atSeconds());
    }

    /** Cues fired so far in the current pass. */
    int fired() {
        return next;
    }
}
