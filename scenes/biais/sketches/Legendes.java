package sketch.biais;

import org.liquide.sketch.Sketch;

/** Names the three panels of "biais" and says what differs between them. */
public class Legendes extends Sketch {
    private static final String[] NAMES = {"graine 11", "graine 23", "graine 47"};
    private static final String[] NOTES = {"80 % caméra", "60 % caméra", "40 % caméra"};
    private static final float[] CENTRES = {0.17f, 0.50f, 0.83f};

    @Override
    public void draw() {
        clear();
        textAlign(CENTER, CENTER);
        float motion = (float) signal("vision/salle/motion", 0);
        for (int i = 0; i < 3; i++) {
            float x = CENTRES[i] * width;
            fill(235, 228, 215, 230);
            textSize(height * 0.045f);
            text(NAMES[i], x, height * 0.93f);
            fill(235, 228, 215, 140);
            textSize(height * 0.028f);
            text(NOTES[i], x, height * 0.97f);
        }
        fill(235, 228, 215, 90 + Math.min(120, motion * 4000));
        textSize(height * 0.032f);
        text("la même image, trois regards", width / 2f, height * 0.04f);
    }
}
