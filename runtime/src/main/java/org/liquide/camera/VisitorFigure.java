package org.liquide.camera;

import org.liquide.hardware.sim.visitor.Visitor;

import java.awt.Color;
import java.util.Random;

/**
 * How a scripted visitor looks to the synthetic camera: a build, clothes and a path across the room that
 * the script does not say (it knows only distances), drawn from the visitor's own fields so that the same
 * visitor always looks and walks the same. The distance at each instant is the script's, the one the
 * simulated sensors measure.
 *
 * @param laneMetres   where the visitor stops, metres left (negative) or right of the camera's axis
 * @param fromLeft     whether they walk in from the left (and leave to the right)
 * @param heightMetres from 1.5 to 1.95 m
 * @param build        shoulder width as a share of the height
 * @param longCoat     a coat down to the knees instead of a jacket
 */
record VisitorFigure(Visitor visitor, double laneMetres, boolean fromLeft, double heightMetres, double build,
                     boolean longCoat, Color coat, Color trousers, Color skin, Color hair) {
    /** How far to the side a visitor enters and leaves, from their lane. */
    static final double ENTRY_METRES = 2.4;
    private static final Color[] COATS = {
            new Color(58, 62, 78), new Color(120, 46, 40), new Color(170, 150, 122), new Color(38, 38, 42),
            new Color(62, 88, 84), new Color(150, 104, 60), new Color(196, 190, 178), new Color(86, 60, 92)};
    private static final Color[] TROUSERS = {
            new Color(30, 32, 40), new Color(52, 50, 46), new Color(40, 48, 70), new Color(96, 88, 76)};
    private static final Color[] SKINS = {
            new Color(226, 186, 156), new Color(176, 126, 92), new Color(110, 74, 52), new Color(238, 206, 180)};
    private static final Color[] HAIRS = {
            new Color(28, 22, 20), new Color(92, 62, 38), new Color(170, 150, 120), new Color(60, 40, 30)};

    static VisitorFigure of(Visitor visitor) {
        Random random = new Random(visitor.arrivesAtMillis() * 0x9E3779B97F4A7C15L + (long) visitor.closestMillimetres());
        return new VisitorFigure(visitor,
                -0.7 + 1.4 * random.nextDouble(),
                random.nextBoolean(),
                1.5 + 0.45 * random.nextDouble(),
                0.22 + 0.06 * random.nextDouble(),
                random.nextDouble() < 0.4,
                COATS[random.nextInt(COATS.length)],
                TROUSERS[random.nextInt(TROUSERS.length)],
                SKINS[random.nextInt(SKINS.length)],
                HAIRS[random.nextInt(HAIRS.length)]);
    }

    /** Metres left (negative) or right of the camera's axis at {@code millis}. */
    double sidewaysAt(long millis) {
        double entry = laneMetres + (fromLeft ? -ENTRY_METRES : ENTRY_METRES);
        double exit = laneMetres + (fromLeft ? ENTRY_METRES : -ENTRY_METRES);
        return switch (visitor.phaseAt(millis)) {
            case APPROACHING -> {
                double progress = (double) (millis - visitor.arrivesAtMillis()) / visitor.approachMillis();
                yield entry + (laneMetres - entry) * easeOut(progress);
            }
            case LINGERING -> laneMetres + 0.05 * Math.sin(2 * Math.PI * (millis - visitor.lingerStartsAt()) / 5300.0);
            case LEAVING -> {
                double progress = (double) (millis - visitor.leavesAt()) / visitor.leaveMillis();
                yield laneMetres + (exit - laneMetres) * progress * progress;
            }
            case ABSENT -> Double.NaN;
        };
    }

    /** 0 standing, 1 striding: walking while approaching or leaving, easing into a pause between. */
    double walkingAt(long millis) {
        Visitor.Phase phase = visitor.phaseAt(millis);
        if (phase == Visitor.Phase.ABSENT) {
            return 0;
        }
        double sinceStop = (millis - visitor.lingerStartsAt()) / 600.0;
        double untilStart = (visitor.leavesAt() - millis) / 600.0;
        return switch (phase) {
            case APPROACHING -> Math.min(1, -sinceStop);
            case LEAVING -> Math.min(1, -untilStart);
            default -> 0;
        };
    }

    private static double easeOut(double progress) {
        double p = Math.clamp(progress, 0, 1);
        return 1 - (1 - p) * (1 - p);
    }
}
