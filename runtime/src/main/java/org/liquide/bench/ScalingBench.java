package org.liquide.bench;

import org.liquide.render.Layer;
import org.liquide.render.LayerStyle;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.render.layer.StillImageSource;
import org.liquide.render.output.DisplaySetup;
import org.liquide.render.output.SoftEdge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.lwjgl.opengl.GL11C.GL_MAX_TEXTURE_SIZE;
import static org.lwjgl.opengl.GL11C.GL_MAX_VIEWPORT_DIMS;
import static org.lwjgl.opengl.GL11C.glGetInteger;
import static org.lwjgl.opengl.GL11C.glGetIntegerv;

/**
 * The scaling table: milliseconds per frame of the real {@link RenderLoop}, offscreen and unpaced, measured
 * in {@link GatedWindows} as the compositor benchmark does, for a base scene (one full-frame still layer)
 * at each output size, and at the first size with one thing added at a time: full-frame still layers, a
 * still over a region of a quarter of the area, procedural generator layers, a filter (a passthrough, and
 * the configured ISF filter) and offscreen displays. Each configuration is a render loop of its own whose
 * windows are paired with those of the base scene at the first size, kept open (and held) for the whole
 * table, which one goes first alternating ({@link AlternatingWindows}); each row is set against the base's
 * windows of its pairs, so that the machine's load, which drifts over minutes, moves both alike.
 */
final class ScalingBench {
    /** One full frame at 60 frames per second: the base scene's budget. */
    private static final double FRAME_AT_60_MS = 1000 / 60.0;
    /** The goal for each extra full-frame layer at 1280x720 (docs/benchmarks.md). */
    private static final double LAYER_GOAL_MS = 3;
    private static final float LAYER_OPACITY = 0.8f;

    private ScalingBench() {
    }

    enum Filter { NONE, PASSTHROUGH, SHADER }

    /** One configuration: the base scene at {@code size} with what is added to it. */
    record Case(String id, BenchConfig.Size size, int extraLayers, boolean region, int generators, Filter filter,
                int displays) {
        boolean base() {
            return extraLayers == 0 && !region && generators == 0 && filter == Filter.NONE && displays == 0;
        }

        String describe(Path shader, int generatorSize) {
            String added;
            if (extraLayers > 0) {
                added = " + " + extraLayers + " full-frame still layer" + (extraLayers > 1 ? "s" : "") + " at "
                        + percent() + " (normal blend)";
            } else if (region) {
                added = " + a still layer over a region of a quarter of the area, at " + percent();
            } else if (generators > 0) {
                added = " + " + generators + " procedural GPU generator layer" + (generators > 1 ? "s" : "") + " ("
                        + generatorSize + "², " + Stats.number(CompositeScene.GENERATOR_IMAGES_PER_SECOND)
                        + " images/s, crossfaded)";
            } else if (filter == Filter.PASSTHROUGH) {
                added = " + an ISF passthrough filter (one pass copying the layers below)";
            } else if (filter == Filter.SHADER) {
                added = " + the ISF filter " + shader.getFileName();
            } else if (displays > 0) {
                added = ", shown on " + displays + " offscreen display" + (displays > 1 ? "s" : "")
                        + " of the output's size (one warp pass each)";
            } else {
                added = " (the base scene)";
            }
            return "Frame time at " + size + ", offscreen, unpaced: one full-frame still layer" + added + "; ms per frame";
        }

        private static String percent() {
            return Math.round(LAYER_OPACITY * 100) + " %";
        }
    }

    /** The configurations of a run, bases first. */
    static List<Case> cases(BenchConfig config) {
        BenchConfig.Scaling scaling = config.scaling();
        List<Case> cases = new ArrayList<>();
        for (BenchConfig.Size size : scaling.sizes()) {
            cases.add(new Case("scaling-" + size, size, 0, false, 0, Filter.NONE, 0));
        }
        BenchConfig.Size at = scaling.sizes().getFirst();
        String prefix = "scaling-" + at + "-";
        for (int layers : scaling.extraLayers()) {
            cases.add(new Case(prefix + "layers+" + layers, at, layers, false, 0, Filter.NONE, 0));
        }
        cases.add(new Case(prefix + "region", at, 0, true, 0, Filter.NONE, 0));
        for (int generators : scaling.generators()) {
            cases.add(new Case(prefix + "generators-" + generators, at, 0, false, generators, Filter.NONE, 0));
        }
        cases.add(new Case(prefix + "passthrough", at, 0, false, 0, Filter.PASSTHROUGH, 0));
        cases.add(new Case(prefix + "filter", at, 0, false, 0, Filter.SHADER, 0));
        for (int displays : scaling.displays()) {
            cases.add(new Case(prefix + "displays-" + displays, at, 0, false, 0, Filter.NONE, displays));
        }
        return cases;
    }

    static List<String> rowIds(BenchConfig config) {
        return cases(config).stream().map(Case::id).toList();
    }

    static List<BenchRow> run(BenchConfig config, Path shader, Consumer<String> progress) throws Exception {
        Path passthrough = passthrough(config.workDir());
        int[] limits = GlThread.call("scaling-limits", ScalingBench::glLimits);
        List<Case> cases = cases(config);
        Case first = cases.getFirst();
        List<BenchRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        BenchConfig.Scaling scaling = config.scaling();
        String windows = config.windows() + " windows of " + Stats.number(scaling.windowSeconds()) + " s after "
                + Stats.number(scaling.warmUpSeconds()) + " s warm-up, in a render loop of its own (windows end with glFinish)";
        try (GatedWindows.Running base = start(config, first, null)) {
            progress.accept("scaling: " + first.id());
            String load = MachineInfo.loadAverage();
            base.awaitWarm();
            double[] millis = new double[config.windows()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = 1000 / base.measureWindow();
            }
            rows.add(BenchRow.againstGoal(first.id(), first.describe(shader, config.generatorSize()), "ms",
                    Stats.of(millis), "one frame at 60 frames/s", FRAME_AT_60_MS, Stats.number(FRAME_AT_60_MS) + " ms",
                    "lower is better; ≤ 1× fits a 60 fps show", windows + ", kept open (held) for the whole table: every"
                            + " other row alternates its windows with this one's; load average at its start and end: "
                            + load + " → " + MachineInfo.loadAverage()));
            for (Case c : cases.subList(1, cases.size())) {
                String measure = c.describe(shader, config.generatorSize());
                if (!fits(c.size(), limits)) {
                    skipped.add(c.size() + " (this OpenGL's largest texture is " + limits[0] + ", viewport "
                            + limits[1] + "x" + limits[2] + ")");
                    progress.accept("scaling: " + c.size() + " does not fit this OpenGL; skipped");
                    continue;
                }
                try {
                    progress.accept("scaling: " + c.id());
                    rows.add(measured(config, c, measure, base, c.filter() == Filter.PASSTHROUGH ? passthrough : shader,
                            windows));
                } catch (Exception | Error e) {
                    rows.add(BenchRow.failed(c.id(), measure, BenchRunner.describe(e)));
                }
            }
        }
        if (!skipped.isEmpty()) {
            rows.set(0, rows.getFirst().withNote("not measured: " + String.join(", ", skipped)));
        }
        return rows;
    }

    private static boolean fits(BenchConfig.Size size, int[] limits) {
        return size.width() <= limits[0] && size.height() <= limits[0] && size.width() <= limits[1]
                && size.height() <= limits[2];
    }

    private static GatedWindows.Running start(BenchConfig config, Case c, Path filter) {
        OutputSettings settings = OutputSettings.defaults().withSize(c.size().width(), c.size().height())
                .withHeadless(true).withOffscreenFps(0).withDisplays(displays(c));
        return GatedWindows.start(settings, (w, h) -> scene(c, w, h, filter, config.generatorSize()),
                config.scaling().warmUpSeconds(), config.scaling().windowSeconds());
    }

    /**
     * This configuration's windows in pairs with the base scene's (held meanwhile in its own loop), which one
     * goes first alternating: the row's anchor is the base's windows of these pairs, so a change in the
     * machine's load between configurations moves both.
     */
    private static BenchRow measured(BenchConfig config, Case c, String measure, GatedWindows.Running base, Path filter,
                                     String windows) throws Exception {
        BenchConfig.Size first = config.scaling().sizes().getFirst();
        String load = MachineInfo.loadAverage();
        AlternatingWindows.Pairs pairs;
        try (GatedWindows.Running loop = start(config, c, filter)) {
            loop.awaitWarm();
            pairs = AlternatingWindows.run(config.windows(), () -> 1000 / loop.measureWindow(),
                    () -> 1000 / base.measureWindow());
        }
        Stats stats = Stats.of(pairs.a());
        Stats baseStats = Stats.of(pairs.b());
        String notes = windows + ", in pairs with the base scene's (" + pairs.order("this", "the base") + ")"
                + "; load average at its start and end: " + load + " → " + MachineInfo.loadAverage();
        if (c.base()) {
            double pixels = (double) c.size().width() * c.size().height() / ((double) first.width() * first.height());
            return BenchRow.measured(c.id(), measure, "ms", stats, "the base scene at " + first + ", paired windows",
                    baseStats, "lower is better; the pixels are ×" + Stats.number(pixels)
                            + ": a ratio near that is time in proportion to the pixels", notes);
        }
        double[] added = new double[pairs.a().length];
        for (int i = 0; i < added.length; i++) {
            added[i] = pairs.a()[i] - pairs.b()[i];
        }
        Stats extra = Stats.of(added);
        int count = Math.max(1, c.extraLayers() + c.generators() + c.displays());
        String cost = "added " + extra.format("ms") + " a frame (this window less the base's, per pair)"
                + (count > 1 ? ", " + Stats.number(extra.median() / count) + " ms each" : "");
        return BenchRow.measured(c.id(), measure, "ms", stats, "the base scene at " + c.size()
                + " (one full-frame still layer), paired windows", baseStats, reading(c), cost + "; " + notes);
    }

    private static String reading(Case c) {
        if (c.extraLayers() > 0) {
            return "lower is better; goal: each extra full-frame layer adds < " + Stats.number(LAYER_GOAL_MS)
                    + " ms at 1280x720";
        }
        if (c.region()) {
            return "lower is better; goal: in proportion to its area, a quarter of a full-frame layer's (< "
                    + Stats.number(LAYER_GOAL_MS / 4) + " ms at 1280x720)";
        }
        return "lower is better; the ratio is the frame time with it over the frame time without it";
    }

    /** The base scene's still with what the configuration adds, from the benchmarks' composite parts. */
    static CompositeScene scene(Case c, int width, int height, Path filter, int generatorSize) {
        CompositeScene.Parts parts = new CompositeScene.Parts(null);
        try {
            parts.add(new Layer("base", new StillImageSource(CompositeScene.pattern(width, height, 0)), new LayerStyle()));
            for (int i = 1; i <= c.extraLayers(); i++) {
                parts.add(new Layer("still-" + i, new StillImageSource(CompositeScene.pattern(width, height, i)),
                        new LayerStyle().opacity(LAYER_OPACITY)));
            }
            if (c.region()) {
                parts.add(new Layer("region", new StillImageSource(CompositeScene.pattern(width / 2, height / 2, 7)),
                        new LayerStyle().opacity(LAYER_OPACITY).region(0.25f, 0.25f, 0.75f, 0.75f)));
            }
            for (int i = 1; i <= c.generators(); i++) {
                parts.generator("generated-" + i, generatorSize, null);
            }
            if (c.filter() != Filter.NONE) {
                parts.filter("filter", filter, width, height);
            }
            return parts.build(null);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    private static List<DisplaySetup> displays(Case c) {
        double[][] whole = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        List<DisplaySetup> setups = new ArrayList<>();
        for (int i = 1; i <= c.displays(); i++) {
            setups.add(new DisplaySetup("display-" + i, "", c.size().width(), c.size().height(), false,
                    new float[]{0, 0, 1, 1}, whole, Optional.empty(), SoftEdge.NONE));
        }
        return setups;
    }

    /** The largest texture side and viewport width and height of this machine's OpenGL. */
    private static int[] glLimits() {
        int[] viewport = new int[2];
        glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
        return new int[]{glGetInteger(GL_MAX_TEXTURE_SIZE), viewport[0], viewport[1]};
    }

    /** An ISF filter that copies the layers below: what a filter pass costs with no work in it. */
    private static Path passthrough(Path workDir) throws IOException {
        Path file = workDir.resolve("passthrough.fs");
        String text = """
                /*{
                    "DESCRIPTION": "Copies the layers below: the cost of a filter pass with no work in it.",
                    "ISFVSN": "2.0",
                    "INPUTS": [ { "NAME": "inputImage", "TYPE": "image" } ]
                }*/
                void main() {
                    gl_FragColor = IMG_THIS_PIXEL(inputImage);
                }
                """;
        Files.createDirectories(workDir);
        if (!Files.isRegularFile(file) || !Files.readString(file).equals(text)) {
            Files.writeString(file, text);
        }
        return file;
    }
}
