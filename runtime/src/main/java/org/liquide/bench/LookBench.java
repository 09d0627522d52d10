package org.liquide.bench;

import org.liquide.render.generated.Palette;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The look of the demo's generated layer, measured on its images (see {@link GeneratorLook}): detail at
 * five scales, change per second and per image, and how much the visitor's silhouette shapes it.
 */
final class LookBench {
    static final String DETAIL = "look-detail";
    static final String CHANGE = "look-change";
    static final String SILHOUETTE = "look-silhouette";
    static final int WIDTH = 480;
    static final int HEIGHT = 270;
    /** The camera mix the demo's mapping gives a visitor at about 1.5 m. */
    static final float CAMERA_MIX = 0.8f;
    /** Where the figure lies: pixels whose camera luma differs from the empty room's by more than this. */
    static final double FIGURE_LEVELS = 12;

    /**
     * @param bands      RMS luma of each band, finest first (boxes of 2, 4, 8, 16, 32 pixels)
     * @param perSecond  mean |Δ luma| between images one second apart, at 4–5, 5–6 and 6–7 s
     * @param perImage   mean |Δ luma| between two successive images (1/12 s) at 6 s
     * @param inside     mean |Δ luma| inside the figure between the layer steered by the camera and one that is not
     * @param outside    the same outside the figure
     * @param picture    the steered layer at 6 s, the first visitor standing at 0.7 m
     */
    record Look(double[] bands, double[] perSecond, double perImage, double inside, double outside, BufferedImage picture) {
    }

    private LookBench() {
    }

    static Look measure() throws Exception {
        double step = 1 / GeneratorLook.IMAGES_PER_SECOND;
        GeneratorLook.Run run = GeneratorLook.play(WIDTH, HEIGHT, Palette.DEFAULT, CAMERA_MIX, 7, 0, 4, 5, 6, 6 + step, 7);
        List<BufferedImage> steered = run.steered();
        BufferedImage atSix = steered.get(3);
        double[] perSecond = {
                PictureMeasures.meanDifference(steered.get(1), steered.get(2)),
                PictureMeasures.meanDifference(steered.get(2), atSix),
                PictureMeasures.meanDifference(atSix, steered.get(5))};
        boolean[] figure = PictureMeasures.differenceMask(run.camera().get(3), run.camera().getFirst(), FIGURE_LEVELS);
        double[] shaped = PictureMeasures.maskedDifference(atSix, run.still().get(3), figure);
        return new Look(PictureMeasures.bandEnergies(atSix), perSecond, PictureMeasures.meanDifference(atSix, steered.get(4)),
                shaped[0], shaped[1], atSix);
    }

    static List<BenchRow> run(Consumer<String> progress) {
        Look look;
        try {
            progress.accept("look: 7 s of the demo's generated layer with the synthetic visitors, twice");
            look = measure();
        } catch (Exception | Error e) {
            String why = BenchRunner.describe(e);
            return List.of(BenchRow.failed(DETAIL, "look", why), BenchRow.failed(CHANGE, "look", why),
                    BenchRow.failed(SILHOUETTE, "look", why));
        }
        String size = WIDTH + "x" + HEIGHT + ", palette nocturne, 12 images/s, camera at 30 fps";
        String bands = Arrays.stream(look.bands()).mapToObj(Stats::number).collect(Collectors.joining(" / "));
        return List.of(
                BenchRow.againstGoal(DETAIL, "demo's generated layer: detail in its weakest of five bands (RMS luma of a box-filter pyramid)",
                        "levels", Stats.of(Arrays.stream(look.bands()).min().orElse(0)), "every band visible", 1.5,
                        "1.5 levels in every band (a flat image: 0; noise: band 0 only; soft blobs: the last bands only)",
                        "higher is more detail; ≥ 1× at every scale",
                        "bands 1–2, 2–4, 4–8, 8–16, 16–32 px: " + bands + " levels; " + size),
                BenchRow.againstGoal(CHANGE, "demo's generated layer: change per second (mean |Δ luma|, images 1 s apart)",
                        "levels", Stats.of(look.perSecond()), "a slow tide", 30,
                        "30 levels/s at most (a cut between two unrelated images: about 60)",
                        "lower is calmer; between 0.07× (2 levels) and 1×",
                        String.format(Locale.ROOT, "between successive images (1/12 s): %s levels, so no jump; %s",
                                Stats.number(look.perImage()), size)),
                BenchRow.againstGoal(SILHOUETTE, "demo's generated layer: what the visitor changes, inside their silhouette (mean |Δ luma| against the same layer without camera)",
                        "levels", Stats.of(look.inside()), "outside the silhouette", look.outside(),
                        Stats.number(look.outside()) + " levels (the trails and the push of the matter)",
                        "higher is more shaped; the ratio is inside over outside",
                        "camera_mix " + CAMERA_MIX + "; the first visitor standing at 0.7 m, 6 s in; " + size));
    }
}
