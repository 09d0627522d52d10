package sketch.biais;

import org.liquide.sketch.Sketch;

/**
 * Under each panel of "biais", its prompt: the scene's template gives three prompts per adjective, one per
 * panel, in the panels' order, and the current prompt blend points at the adjective the distance chose.
 */
public class Legendes extends Sketch {
    private static final int PANELS = 3;
    private static final float[] CENTRES = {0.17f, 0.50f, 0.83f};

    @Override
    public void draw() {
        clear();
        textAlign(CENTER, CENTER);
        int count = prompts().size();
        if (count < PANELS) {
            return;
        }
        int index = Math.round(params().promptBlend() * (count - 1));
        int first = index - index % PANELS;
        for (int i = 0; i < PANELS; i++) {
            String prompt = prompts().get(first + i);
            float x = CENTRES[i] * width;
            fill(235, 228, 215, 230);
            textSize(height * 0.032f);
            text(prompt, x, height * 0.94f);
        }
        fill(235, 228, 215, 150);
        textSize(height * 0.028f);
        text("la même image, la même graine, un mot de différence", width / 2f, height * 0.04f);
    }
}
